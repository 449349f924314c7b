namespace ServicePro.Modules.Requests.Data;

/// <summary>
/// One entry of a request's Activity Stream. <see cref="Kind"/> is one of <see cref="RequestsConstants.ActivityKinds"/>;
/// the columns a kind does not use stay empty.
/// </summary>
public sealed class ActivityEntry
{
    public long Id { get; set; }

    public int RequestNumber { get; set; }

    public required string Kind { get; set; }

    /// <summary>When it happened (UTC); for a chat, when the session ended.</summary>
    public DateTime At { get; set; }

    /// <summary>Who did it: the rep's user name; for a chat, its originator.</summary>
    public required string Actor { get; set; }

    /// <summary>A note's text.</summary>
    public string? Text { get; set; }

    /// <summary>The status or assignee before a change.</summary>
    public string? OldValue { get; set; }

    /// <summary>The status or assignee after a change.</summary>
    public string? NewValue { get; set; }

    /// <summary>The chat session; unique, so that a session is recorded once however often it is delivered.</summary>
    public Guid? ChatSessionId { get; set; }

    public DateTime? ChatStartedAt { get; set; }

    public DateTime? ChatEndedAt { get; set; }

    /// <summary>The session's Chat Time, in ticks.</summary>
    public long? ChatLengthTicks { get; set; }

    /// <summary>The user names of the session's participants, as JSON.</summary>
    public string? ChatParticipants { get; set; }

    /// <summary>The session's transcript lines (never Off the Record), as JSON.</summary>
    public string? ChatTranscript { get; set; }
}
