using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Attachments;

/// <summary>
/// Where attachments' bytes are kept. The default (<see cref="DatabaseChatAttachmentStore"/>) stores them in the chat's
/// database, in the same transaction as the attachment's dialog entry, so a failure leaves neither. A store outside the
/// database must remove what it wrote when the write fails (<see cref="ChatWriteContext"/>'s transaction rolls back).
/// </summary>
public interface IChatAttachmentStore
{
    /// <summary>Adds <paramref name="content"/> to the write; it is stored when the write commits.</summary>
    Task SaveAsync(ChatWriteContext write, Guid attachmentId, byte[] content);

    /// <summary>The bytes of an attachment, or <c>null</c> when there are none (removed with its Off the Record entry).</summary>
    Task<byte[]?> ReadAsync(Guid attachmentId, CancellationToken cancellationToken);
}
