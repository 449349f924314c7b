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

    /// <summary>Equal when every value and every attachment is (a list alone compares by reference, and a line read back from JSON must equal the one written).</summary>
    public bool Equals(TranscriptLine? other) =>
        other is not null && Time == other.Time && Author == other.Author && Kind == other.Kind && Text == other.Text
        && Attachments.SequenceEqual(other.Attachments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Time, Author, Kind, Text, Attachments.Count);
}
