namespace ServicePro.Contracts.Chat;

/// <summary>
/// Published by the Chat module, through <see cref="Events.IIntegrationEventBus"/>, when a chat session ends. The Requests
/// module appends it to the request's Activity Stream. Handlers must be idempotent on <see cref="SessionId"/>: the
/// publisher may deliver the same session more than once (it retries until the event is handled).
/// </summary>
/// <param name="SessionId">The session; unique.</param>
/// <param name="RequestNumber">The request the session was started from, or <c>null</c> for a Workbench session.</param>
/// <param name="Originator">The user name of the rep who started the session.</param>
/// <param name="Participants">The user names of everyone who took part, the originator first.</param>
/// <param name="StartedAt">When the session started (UTC).</param>
/// <param name="EndedAt">When it ended (UTC).</param>
/// <param name="Length">
/// The session's length: its Chat Time, which the originator may pause or set, so it may differ from
/// <paramref name="EndedAt"/> minus <paramref name="StartedAt"/>.
/// </param>
/// <param name="Transcript">Every line of the session in order, without Off the Record messages.</param>
public sealed record ChatSessionEndedEvent(
    Guid SessionId,
    int? RequestNumber,
    string Originator,
    IReadOnlyList<string> Participants,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    TimeSpan Length,
    IReadOnlyList<TranscriptLine> Transcript);
