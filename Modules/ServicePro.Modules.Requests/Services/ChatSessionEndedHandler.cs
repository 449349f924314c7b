using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Events;

namespace ServicePro.Modules.Requests.Services;

/// <summary>Adds a chat session attached to a request to that request's Activity Stream; Workbench sessions are not ours.</summary>
public sealed class ChatSessionEndedHandler(ChatSessionRecorder recorder) : IEventHandler<ChatSessionEndedEvent>
{
    public async Task HandleAsync(ChatSessionEndedEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event.RequestNumber is null)
        {
            return;
        }

        await recorder.RecordAsync(@event, cancellationToken);
    }
}
