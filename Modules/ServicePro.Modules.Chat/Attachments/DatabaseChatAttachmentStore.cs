using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Attachments;

/// <summary>Attachments' bytes in the <c>ChatAttachmentContents</c> table, written in the entry's own transaction.</summary>
public sealed class DatabaseChatAttachmentStore(IChatDbFactory databases) : IChatAttachmentStore
{
    public Task SaveAsync(ChatWriteContext write, Guid attachmentId, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(write);
        write.Db.AttachmentContents.Add(new ChatAttachmentContentRecord { AttachmentId = attachmentId, Content = content });
        return Task.CompletedTask;
    }

    public async Task<byte[]?> ReadAsync(Guid attachmentId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create();
        return await db.AttachmentContents.AsNoTracking()
            .Where(c => c.AttachmentId == attachmentId)
            .Select(c => c.Content)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
