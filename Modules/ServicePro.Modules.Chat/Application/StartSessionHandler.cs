using ServicePro.Contracts.Requests;
using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Writing;
using ServicePro.Modules.Chat.Diagnostics;

namespace ServicePro.Modules.Chat.Application;

/// <summary>
/// Starts a session, on the Workbench or about a request. Chat uses Requests when that module is installed (a request
/// chat must then name an existing request, whose title it shows) and works without it (see <see cref="ChatModule"/>).
/// </summary>
public sealed class StartSessionHandler(ChatWriter writer, IChatNotifier notifier, IRequestDirectory? requests = null, ChatMetrics? metrics = null)
{
    public async Task<ChatSessionDto> HandleAsync(ChatCaller caller, int? requestNumber, CancellationToken cancellationToken = default)
    {
        string? title = null;
        if (requestNumber is { } number && requests is not null)
        {
            var request = await requests.FindAsync(number, cancellationToken)
                ?? throw new ChatException(ChatConstants.Errors.RequestNotFound, $"There is no request {number}.");
            title = request.Title;
        }

        return await writer.ExecuteAsync(ChatWriteMode.Alone, w =>
        {
            var session = ChatSession.Start(caller.UserName, requestNumber, title, w.Now, out var first);
            w.Add(session);
            metrics?.SessionStarted(w);
            var joined = ChatDtos.Entry(first);
            w.AfterCommit(() => notifier.ToUsersAsync([caller.UserName], new EntryAddedEvent(joined)));
            return Task.FromResult(ChatDtos.Session(session, w.Now));
        }, cancellationToken);
    }
}
