namespace ServicePro.Modules.Chat.Data;

/// <summary>An attachment's bytes, as the database store keeps them (apart from its description, so lists never load them).</summary>
public sealed class ChatAttachmentContentRecord
{
    public Guid AttachmentId { get; set; }

    public required byte[] Content { get; set; }
}
