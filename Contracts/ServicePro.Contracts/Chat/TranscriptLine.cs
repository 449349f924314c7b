namespace ServicePro.Contracts.Chat;

/// <summary>One line of a chat transcript. Off the Record messages are never transcript lines.</summary>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Author">The user name of who did it; for <see cref="TranscriptLineKind.System"/> lines, who caused it, or empty.</param>
/// <param name="Kind">Message, joined, left or system.</param>
/// <param name="Text">The message text, or the system note; empty for joins and leaves.</param>
public sealed record TranscriptLine(DateTimeOffset Time, string Author, TranscriptLineKind Kind, string Text)
{
    /// <summary>The files sent with this line (a chat attachment's line has one and its text is the file name).</summary>
    public IReadOnlyList<TranscriptAttachment> Attachments { get; init; } = [];
}
