using Microsoft.EntityFrameworkCore;

namespace ServicePro.Modules.Chat.Data;

/// <summary>The attachment tables' mapping, kept apart from <see cref="ChatDbContext"/>'s other tables.</summary>
internal static class ChatAttachmentModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ChatAttachmentRecord>(e =>
        {
            e.ToTable("ChatAttachments");
            e.HasKey(a => a.Id);
            e.Property(a => a.FileName).HasMaxLength(Attachments.ChatAttachmentRules.MaxFileNameLength);
            e.Property(a => a.ContentType).HasMaxLength(128);
            e.HasIndex(a => new { a.SessionId, a.Sequence });

            // Deleting an entry (Off the Record removed when the session ends) deletes its attachments, in the database.
            e.HasOne<ChatEntryRecord>().WithMany().HasForeignKey(a => new { a.SessionId, a.Sequence }).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ChatAttachmentContentRecord>(e =>
        {
            e.ToTable("ChatAttachmentContents");
            e.HasKey(c => c.AttachmentId);
            e.HasOne<ChatAttachmentRecord>().WithOne().HasForeignKey<ChatAttachmentContentRecord>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
