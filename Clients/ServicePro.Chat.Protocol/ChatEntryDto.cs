namespace ServicePro.Chat.Protocol;

/// <summary>One dialog entry. <paramref name="OffTheRecordWith"/> is set on an Off the Record message (seen by its two people only).</summary>
public sealed record ChatEntryDto(
    Guid SessionId,
    long Sequence,
    TranscriptLineKind Kind,
    string Author,
    string Text,
    DateTimeOffset Time,
    Guid? ClientMessageId,
    string? OffTheRecordWith)
{
    /// <summary>The files sent with this entry (an attachment's entry has one; its text is the file name).</summary>
    public IReadOnlyList<ChatAttachmentDto> Attachments { get; init; } = [];

    /// <summary>Equal when every value and every attachment is (a list alone compares by reference, and an entry read back from the wire must equal the one sent).</summary>
    public bool Equals(ChatEntryDto? other) =>
        other is not null && SessionId == other.SessionId && Sequence == other.Sequence && Kind == other.Kind && Author == other.Author
        && Text == other.Text && Time == other.Time && ClientMessageId == other.ClientMessageId && OffTheRecordWith == other.OffTheRecordWith
        && Attachments.SequenceEqual(other.Attachments);

    public override int GetHashCode() => HashCode.Combine(SessionId, Sequence, Kind, Author, Text, Time, ClientMessageId, OffTheRecordWith);
}
