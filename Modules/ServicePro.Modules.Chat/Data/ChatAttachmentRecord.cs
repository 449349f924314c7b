namespace ServicePro.Modules.Chat.Data;

/// <summary>A file sent in a session: what it is and which dialog entry carries it. Its bytes are in an <see cref="Attachments.IChatAttachmentStore"/>.</summary>
public sealed class ChatAttachmentRecord
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    /// <summary>The dialog entry it was sent with (its author, time and Off the Record recipient are the entry's).</summary>
    public long Sequence { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }
}
