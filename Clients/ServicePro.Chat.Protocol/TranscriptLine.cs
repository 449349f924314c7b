namespace ServicePro.Chat.Protocol;

/// <summary>One line of a session's transcript in <see cref="ChatSessionSummaryDto"/> (never an Off the Record message).</summary>
public sealed record TranscriptLine(DateTimeOffset Time, string Author, TranscriptLineKind Kind, string Text)
{
    /// <summary>The files sent with this line, to download from <see cref="ChatProtocol.AttachmentRoute"/>.</summary>
    public IReadOnlyList<ChatAttachmentDto> Attachments { get; init; } = [];

    /// <summary>Equal when every value and every attachment is (a list alone compares by reference).</summary>
    public bool Equals(TranscriptLine? other) =>
        other is not null && Time == other.Time && Author == other.Author && Kind == other.Kind && Text == other.Text
        && Attachments.SequenceEqual(other.Attachments);

    public override int GetHashCode() => HashCode.Combine(Time, Author, Kind, Text, Attachments.Count);
}
