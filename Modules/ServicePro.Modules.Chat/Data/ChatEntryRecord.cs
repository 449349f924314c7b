namespace ServicePro.Modules.Chat.Data;

/// <summary>One entry of a session's dialog: a join, a leave, a message or a system note.</summary>
public sealed class ChatEntryRecord
{
    public Guid SessionId { get; set; }

    /// <summary>Assigned by the server: 1, 2, 3… per session.</summary>
    public long Sequence { get; set; }

    public TranscriptLineKind Kind { get; set; }

    public required string Author { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset Time { get; set; }

    /// <summary>The sender's own id for a message; sending it again returns this entry.</summary>
    public Guid? ClientMessageId { get; set; }

    /// <summary>For an Off the Record message, the one other attendee who sees it.</summary>
    public string? OffTheRecordWith { get; set; }
}
