using ServicePro.Modules.Chat.Client;

namespace ServicePro.Modules.Chat.Shell;

/// <summary>
/// The circuit's chat client as the view models see it: every event is raised through the circuit's dispatcher, so that
/// view models change only on the renderer's thread (never while a component enumerates their collections).
/// </summary>
public sealed class DispatchingChatService : IChatService
{
    private readonly IChatService _inner;
    private readonly Func<Action, Task> _dispatch;

    public DispatchingChatService(IChatService inner, Func<Action, Task> dispatch)
    {
        _inner = inner;
        _dispatch = dispatch;
        inner.StateChanged += (_, e) => Raise(() => StateChanged?.Invoke(this, e));
        inner.EntryReceived += (_, e) => Raise(() => EntryReceived?.Invoke(this, e));
        inner.OffTheRecordSelected += (_, e) => Raise(() => OffTheRecordSelected?.Invoke(this, e));
        inner.InvitationReceived += (_, e) => Raise(() => InvitationReceived?.Invoke(this, e));
        inner.InvitationClosed += (_, e) => Raise(() => InvitationClosed?.Invoke(this, e));
        inner.ChatTimeChanged += (_, e) => Raise(() => ChatTimeChanged?.Invoke(this, e));
        inner.SessionEnded += (_, e) => Raise(() => SessionEnded?.Invoke(this, e));
        inner.PresenceChanged += (_, e) => Raise(() => PresenceChanged?.Invoke(this, e));
        inner.UserTyping += (_, e) => Raise(() => UserTyping?.Invoke(this, e));
    }

    public event EventHandler<ChatConnectionState>? StateChanged;

    public event EventHandler<ChatEntryDto>? EntryReceived;

    public event EventHandler<OffTheRecordNotice>? OffTheRecordSelected;

    public event EventHandler<ChatInvitationDto>? InvitationReceived;

    public event EventHandler<ChatInvitationDto>? InvitationClosed;

    public event EventHandler<ChatTimeDto>? ChatTimeChanged;

    public event EventHandler<SessionEndedDto>? SessionEnded;

    public event EventHandler<PresenceDto>? PresenceChanged;

    public event EventHandler<TypingNotice>? UserTyping;

    public ChatConnectionState State => _inner.State;

    public IChatService Inner => _inner;

    public Task StartAsync(CancellationToken cancellationToken = default) => _inner.StartAsync(cancellationToken);

    public Task<ChatSessionDto> StartSessionAsync(int? requestNumber, CancellationToken cancellationToken = default) => _inner.StartSessionAsync(requestNumber, cancellationToken);

    public Task<ChatSessionDto> GetSessionAsync(Guid sessionId, CancellationToken cancellationToken = default) => _inner.GetSessionAsync(sessionId, cancellationToken);

    public Task<IReadOnlyList<ChatEntryDto>> GetEntriesAsync(Guid sessionId, long afterSequence, CancellationToken cancellationToken = default) => _inner.GetEntriesAsync(sessionId, afterSequence, cancellationToken);

    public Task<IReadOnlyList<ChatInvitationDto>> InviteAsync(Guid sessionId, IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default) => _inner.InviteAsync(sessionId, userNames, cancellationToken);

    public Task<ChatSessionDto> AcceptInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default) => _inner.AcceptInvitationAsync(invitationId, cancellationToken);

    public Task<ChatInvitationDto> DeclineInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default) => _inner.DeclineInvitationAsync(invitationId, cancellationToken);

    public Task<IReadOnlyList<ChatInvitationDto>> GetMyInvitationsAsync(CancellationToken cancellationToken = default) => _inner.GetMyInvitationsAsync(cancellationToken);

    public Task TypingAsync(Guid sessionId, CancellationToken cancellationToken = default) => _inner.TypingAsync(sessionId, cancellationToken);

    public Task<IReadOnlyList<ChatSessionDto>> GetMyLiveSessionsAsync(CancellationToken cancellationToken = default) => _inner.GetMyLiveSessionsAsync(cancellationToken);

    public Task<ChatEntryDto> SendMessageAsync(Guid sessionId, string text, string? offTheRecordWith = null, CancellationToken cancellationToken = default) => _inner.SendMessageAsync(sessionId, text, offTheRecordWith, cancellationToken);

    public Task<SessionEndedDto?> LeaveSessionAsync(Guid sessionId, CancellationToken cancellationToken = default) => _inner.LeaveSessionAsync(sessionId, cancellationToken);

    public Task<ChatTimeDto> PauseChatTimeAsync(Guid sessionId, CancellationToken cancellationToken = default) => _inner.PauseChatTimeAsync(sessionId, cancellationToken);

    public Task<ChatTimeDto> ResumeChatTimeAsync(Guid sessionId, CancellationToken cancellationToken = default) => _inner.ResumeChatTimeAsync(sessionId, cancellationToken);

    public Task<ChatTimeDto> SetChatTimeAsync(Guid sessionId, TimeSpan value, CancellationToken cancellationToken = default) => _inner.SetChatTimeAsync(sessionId, value, cancellationToken);

    public Task SetPresenceAsync(PresenceStatus status, CancellationToken cancellationToken = default) => _inner.SetPresenceAsync(status, cancellationToken);

    public Task<IReadOnlyList<PresenceDto>> GetPresenceAsync(CancellationToken cancellationToken = default) => _inner.GetPresenceAsync(cancellationToken);

    public Task<IReadOnlyList<ChatSessionSummaryDto>> GetMySessionsAsync(CancellationToken cancellationToken = default) => _inner.GetMySessionsAsync(cancellationToken);

    private void Raise(Action raise) => _ = _dispatch(raise);
}
