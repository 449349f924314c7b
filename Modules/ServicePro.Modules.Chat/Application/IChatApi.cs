namespace ServicePro.Modules.Chat.Application;

/// <summary>
/// Chat as one signed-in rep's shell uses it, in process: every use case and query, and the events addressed to her.
/// The shell's adapter (<see cref="Shell.CircuitChat"/>) calls the handlers as the circuit's rep and raises the events on
/// the circuit's renderer; view-model tests use a fake. Refusals throw <see cref="ChatException"/>.
/// </summary>
public interface IChatApi
{
    /// <summary>A dialog entry of a session the rep is in.</summary>
    event EventHandler<ChatEntryDto>? EntryReceived;

    event EventHandler<OffTheRecordNotice>? OffTheRecordSelected;

    event EventHandler<ChatInvitationDto>? InvitationReceived;

    event EventHandler<ChatInvitationDto>? InvitationClosed;

    event EventHandler<ChatTimeDto>? ChatTimeChanged;

    event EventHandler<SessionEndedDto>? SessionEnded;

    event EventHandler<PresenceDto>? PresenceChanged;

    /// <summary>Another attendee is typing in a session the rep is in.</summary>
    event EventHandler<TypingNotice>? UserTyping;

    Task<ChatSessionDto> StartSessionAsync(int? requestNumber, CancellationToken cancellationToken = default);

    Task<ChatSessionDto> GetSessionAsync(Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>Entries after <paramref name="afterSequence"/>, as the rep may see them.</summary>
    Task<IReadOnlyList<ChatEntryDto>> GetEntriesAsync(Guid sessionId, long afterSequence, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ChatInvitationDto>> InviteAsync(Guid sessionId, IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default);

    Task<ChatSessionDto> AcceptInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default);

    Task<ChatInvitationDto> DeclineInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ChatInvitationDto>> GetMyInvitationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Tells the other attendees that the rep is typing (best effort: a failure is not an error).</summary>
    Task TypingAsync(Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>The running sessions the rep is in (to reopen their windows in a new shell).</summary>
    Task<IReadOnlyList<ChatSessionDto>> GetMyLiveSessionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends a message (a new id each time) and completes when it is stored.</summary>
    Task<ChatEntryDto> SendMessageAsync(Guid sessionId, string text, string? offTheRecordWith = null, CancellationToken cancellationToken = default);

    Task<SessionEndedDto?> LeaveSessionAsync(Guid sessionId, CancellationToken cancellationToken = default);

    Task<ChatTimeDto> PauseChatTimeAsync(Guid sessionId, CancellationToken cancellationToken = default);

    Task<ChatTimeDto> ResumeChatTimeAsync(Guid sessionId, CancellationToken cancellationToken = default);

    Task<ChatTimeDto> SetChatTimeAsync(Guid sessionId, TimeSpan value, CancellationToken cancellationToken = default);

    Task SetPresenceAsync(PresenceStatus status, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PresenceDto>> GetPresenceAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ChatSessionSummaryDto>> GetMySessionsAsync(CancellationToken cancellationToken = default);
}
