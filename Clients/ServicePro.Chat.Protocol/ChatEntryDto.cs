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
}
