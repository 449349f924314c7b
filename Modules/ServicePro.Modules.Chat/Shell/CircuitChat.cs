using System.Security.Claims;
using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Modules;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Notifications;

namespace ServicePro.Modules.Chat.Shell;

/// <summary>
/// The shell's adapter to the chat application, one per Blazor circuit: the view models call it in process as the
/// circuit's signed-in rep (no connection, no token), and it receives the events addressed to that rep from the
/// notifier, raising each on the circuit's renderer. A failing view-model handler stays on this circuit.
/// Like the hub's filters, it refuses while the module is disabled and turns faults into <see cref="ChatException"/>s
/// with the hub's codes, logged here, so a view model shows one sentence and keeps what the rep typed.
/// </summary>
public sealed partial class CircuitChat(ChatApplication chat, ChatSubscribers subscribers, IModuleStatus modules, ILogger<CircuitChat> logger)
    : IShellChat, IChatClient, IDisposable
{
    private ChatCaller _caller;

    // Set by Attach, which also subscribes: no event can arrive before there is a renderer to raise it on.
    private Func<Action, Task>? _dispatch;

    private IDisposable? _subscription;

    public event EventHandler<ChatEntryDto>? EntryReceived;

    public event EventHandler<OffTheRecordNotice>? OffTheRecordSelected;

    public event EventHandler<ChatInvitationDto>? InvitationReceived;

    public event EventHandler<ChatInvitationDto>? InvitationClosed;

    public event EventHandler<ChatTimeDto>? ChatTimeChanged;

    public event EventHandler<SessionEndedDto>? SessionEnded;

    public event EventHandler<PresenceDto>? PresenceChanged;

    public event EventHandler<TypingNotice>? UserTyping;

    public string UserName => _caller.UserName;

    public void Attach(ClaimsPrincipal user, Func<Action, Task> dispatch)
    {
        _caller = ChatCaller.From(user);
        _dispatch = dispatch ?? throw new ArgumentNullException(nameof(dispatch));
        _subscription?.Dispose();
        _subscription = subscribers.Subscribe(_caller.UserName, this);
    }

    public void Dispose() => _subscription?.Dispose();

    public Task<ChatSessionDto> StartSessionAsync(int? requestNumber, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Start.HandleAsync(_caller, requestNumber, cancellationToken));

    public Task<ChatSessionDto> GetSessionAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Queries.GetSessionAsync(_caller, sessionId, cancellationToken));

    public Task<IReadOnlyList<ChatEntryDto>> GetEntriesAsync(Guid sessionId, long afterSequence, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Queries.GetEntriesAsync(_caller, sessionId, afterSequence, cancellationToken));

    public Task<IReadOnlyList<ChatInvitationDto>> InviteAsync(Guid sessionId, IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Invite.HandleAsync(_caller, sessionId, userNames, cancellationToken));

    public Task<ChatSessionDto> AcceptInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Answer.AcceptAsync(_caller, invitationId, cancellationToken));

    public Task<ChatInvitationDto> DeclineInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Answer.DeclineAsync(_caller, invitationId, cancellationToken));

    public Task<IReadOnlyList<ChatInvitationDto>> GetMyInvitationsAsync(CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Queries.GetMyInvitationsAsync(_caller, cancellationToken));

    public Task TypingAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Typing.HandleAsync(_caller, sessionId, cancellationToken));

    public Task<IReadOnlyList<ChatSessionDto>> GetMyLiveSessionsAsync(CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Queries.GetMyLiveSessionsAsync(_caller, cancellationToken));

    public Task<ChatEntryDto> SendMessageAsync(Guid sessionId, string text, string? offTheRecordWith = null, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Send.HandleAsync(_caller, new SendMessageRequest(sessionId, ChatProtocol.NewClientMessageId(), text, offTheRecordWith), cancellationToken));

    public Task<SessionEndedDto?> LeaveSessionAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Leave.HandleAsync(_caller, sessionId, cancellationToken));

    public Task<ChatTimeDto> PauseChatTimeAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.ChatTime.PauseAsync(_caller, sessionId, cancellationToken));

    public Task<ChatTimeDto> ResumeChatTimeAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.ChatTime.ResumeAsync(_caller, sessionId, cancellationToken));

    public Task<ChatTimeDto> SetChatTimeAsync(Guid sessionId, TimeSpan value, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.ChatTime.SetAsync(_caller, sessionId, value, cancellationToken));

    public Task SetPresenceAsync(PresenceStatus status, CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Presence.SetAsync(_caller, status));

    public Task<IReadOnlyList<PresenceDto>> GetPresenceAsync(CancellationToken cancellationToken = default) =>
        CallAsync(() => Task.FromResult(chat.Presence.Online()));

    public Task<IReadOnlyList<ChatSessionSummaryDto>> GetMySessionsAsync(CancellationToken cancellationToken = default) =>
        CallAsync(() => chat.Queries.GetMySessionsAsync(_caller, 50, cancellationToken));

    Task IChatClient.EntryAdded(ChatEntryDto entry) => Raise(() => EntryReceived?.Invoke(this, entry));

    Task IChatClient.OffTheRecordSelected(OffTheRecordNotice notice) => Raise(() => OffTheRecordSelected?.Invoke(this, notice));

    Task IChatClient.InvitationReceived(ChatInvitationDto invitation) => Raise(() => InvitationReceived?.Invoke(this, invitation));

    Task IChatClient.InvitationClosed(ChatInvitationDto invitation) => Raise(() => InvitationClosed?.Invoke(this, invitation));

    Task IChatClient.ChatTimeChanged(ChatTimeDto chatTime) => Raise(() => ChatTimeChanged?.Invoke(this, chatTime));

    Task IChatClient.SessionEnded(SessionEndedDto ended) => Raise(() => SessionEnded?.Invoke(this, ended));

    Task IChatClient.PresenceChanged(PresenceDto presence) => Raise(() => PresenceChanged?.Invoke(this, presence));

    // One dispatch onto the circuit for the whole batch.
    Task IChatClient.PresenceBatch(IReadOnlyList<PresenceDto> changes) => Raise(() =>
    {
        foreach (var presence in changes)
        {
            PresenceChanged?.Invoke(this, presence);
        }
    });

    Task IChatClient.UserTyping(TypingNotice typing) => Raise(() => UserTyping?.Invoke(this, typing));

    private async Task CallAsync(Func<Task> call) => await CallAsync(async () =>
    {
        await call();
        return true;
    });

    /// <summary>The signed-in rep, for the shell's other chat adapters (attachments).</summary>
    internal ChatCaller Caller => _caller;

    internal async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        if (_dispatch is null)
        {
            throw new ChatException(ChatConstants.Errors.NotSignedIn, "Chat has not started in this shell yet.");
        }

        if (!modules.IsEnabled(ChatConstants.ModuleId))
        {
            throw new ChatException(ChatConstants.Errors.ModuleDisabled, "Chat is disabled by the administrator.");
        }

        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not ChatException and not OperationCanceledException)
        {
            if (ChatFaults.IsStorageFailure(ex))
            {
                LogStorageFailed(logger, ex, _caller.UserName);
                throw new ChatException(ChatConstants.Errors.StorageFailed, "Chat could not save this just now. Try again in a moment.");
            }

            LogFault(logger, ex, _caller.UserName);
            throw new ChatException(ChatConstants.Errors.ServerError, "Chat failed to do that; the fault is logged on the server.");
        }
    }

    /// <summary>Queues the event onto the circuit and returns at once: the notifier never waits for a shell.</summary>
    private Task Raise(Action raise)
    {
        _ = RunAsync(raise);
        return Task.CompletedTask;
    }

    private async Task RunAsync(Action raise)
    {
        try
        {
            await _dispatch!(raise);
        }
        catch (Exception ex)
        {
            // A view model's handler failed, or the circuit is gone: this shell's problem, not the sender's.
            LogEventFailed(logger, ex, _caller.UserName);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A chat action by {User} failed to store its change")]
    private static partial void LogStorageFailed(ILogger logger, Exception exception, string user);

    [LoggerMessage(Level = LogLevel.Error, Message = "A chat action by {User} failed")]
    private static partial void LogFault(ILogger logger, Exception exception, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A chat event could not be shown in a shell of {User}")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, string user);
}
