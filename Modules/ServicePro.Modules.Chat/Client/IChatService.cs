namespace ServicePro.Modules.Chat.Client;

/// <summary>
/// Chat as the UI and tools use it: every hub method and event, with reconnect, catch-up and resend handled inside.
/// Refusals throw <see cref="ChatClientException"/>. Events may be raised on any thread.
/// </summary>
public interface IChatService
{
    ChatConnectionState State { get; }

    event EventHandler<ChatConnectionState>? StateChanged;

    /// <summary>A dialog entry, once per session and sequence number (live, or fetched after a reconnect).</summary>
    event EventHandler<ChatEntryDto>? EntryReceived;

    event EventHandler<OffTheRecordNotice>? OffTheRecordSelected;

    event EventHandler<ChatInvitationDto>? InvitationReceived;

    event EventHandler<ChatInvitationDto>? InvitationClosed;

    event EventHandler<ChatTimeDto>? ChatTimeChanged;

    event EventHandler<SessionEndedDto>? SessionEnded;

    event EventHandler<PresenceDto>? PresenceChanged;

    /// <summary>Another attendee is typing in a session the rep is in.</summary>
    event EventHandler<TypingNotice>? UserTyping;

    Task StartAsync(CancellationToken cancellationToken = default);

    Task<ChatSessionDto> StartSessionAsync(int? requestNumber, CancellationToken cancellationToken = default);

    Task<ChatSessionDto> GetSessionAsync(Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>Entries after <paramref name="afterSequence"/>; the session is followed from then on (caught up after reconnects).</summary>
    Task<IReadOnlyList<ChatEntryDto>> GetEntriesAsync(Guid sessionId, long afterSequence, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ChatInvitationDto>> InviteAsync(Guid sessionId, IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default);

    Task<ChatSessionDto> AcceptInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default);

    Task<ChatInvitationDto> DeclineInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ChatInvitationDto>> GetMyInvitationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Tells the other attendees that the rep is typing (best effort: a failure is not an error).</summary>
    Task TypingAsync(Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>The running sessions the rep is in (to reopen their windows in a new shell).</summary>
    Task<IReadOnlyList<ChatSessionDto>> GetMyLiveSessionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a message with a new id and completes when the server has stored it. If the connection drops first, the
    /// message is resent with the same id after the reconnect (never duplicated).
    /// </summary>
    Task<ChatEntryDto> SendMessageAsync(Guid sessionId, string text, string? offTheRecordWith = null, CancellationToken cancellationToken = default);

    Task<SessionEndedDto?> LeaveSessionAsync(Guid sessionId, CancellationToken cancellationToken = default);

    Task<ChatTimeDto> PauseChatTimeAsync(Guid sessionId, CancellationToken cancellationToken = default);

    Task<ChatTimeDto> ResumeChatTimeAsync(Guid sessionId, CancellationToken cancellationToken = default);

    Task<ChatTimeDto> SetChatTimeAsync(Guid sessionId, TimeSpan value, CancellationToken cancellationToken = default);

    Task SetPresenceAsync(PresenceStatus status, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PresenceDto>> GetPresenceAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ChatSessionSummaryDto>> GetMySessionsAsync(CancellationToken cancellationToken = default);
}
