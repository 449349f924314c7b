using Microsoft.EntityFrameworkCore;

namespace ServicePro.Modules.Chat.Data;

/// <summary>The Chat module's tables (all named <c>Chat…</c>), in the host's database with their own migrations history.</summary>
public abstract class ChatDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ChatSessionRecord> Sessions => Set<ChatSessionRecord>();

    public DbSet<ChatAttendeeRecord> Attendees => Set<ChatAttendeeRecord>();

    public DbSet<ChatEntryRecord> Entries => Set<ChatEntryRecord>();

    public DbSet<ChatInvitationRecord> Invitations => Set<ChatInvitationRecord>();

    public DbSet<ChatOutboxRecord> Outbox => Set<ChatOutboxRecord>();

    public DbSet<ChatAttachmentRecord> Attachments => Set<ChatAttachmentRecord>();

    public DbSet<ChatAttachmentContentRecord> AttachmentContents => Set<ChatAttachmentContentRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ChatSessionRecord>(e =>
        {
            e.ToTable("ChatSessions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Originator).HasMaxLength(256);
            e.Property(s => s.RequestTitle).HasMaxLength(400);
            e.HasMany(s => s.Attendees).WithOne().HasForeignKey(a => a.SessionId);
            e.HasIndex(s => s.EndedAt);

            // Two hosts' writers may load the same session at once: the one that saves second finds the sequence moved
            // on, its batch is rolled back and re-run carefully (ChatWriter), so entries stay 1, 2, 3… with no gap.
            e.Property(s => s.LastSequence).IsConcurrencyToken();
        });
        modelBuilder.Entity<ChatAttendeeRecord>(e =>
        {
            e.ToTable("ChatAttendees");
            e.HasKey(a => new { a.SessionId, a.UserName });
            e.Property(a => a.UserName).HasMaxLength(256);
            e.HasIndex(a => a.UserName);
        });
        modelBuilder.Entity<ChatEntryRecord>(e =>
        {
            e.ToTable("ChatEntries");
            e.HasKey(x => new { x.SessionId, x.Sequence });
            e.Property(x => x.Author).HasMaxLength(256);
            e.Property(x => x.OffTheRecordWith).HasMaxLength(256);
            e.Property(x => x.Text).HasMaxLength(ChatConstants.MaxMessageLength);
            // A resend is recognised by (session, author, client id). The client id leads: the product's clients make
            // time-ordered ids (version 7), so a batch's new entries land at the end of this index, in a page or two,
            // instead of in one page per sender (a session-led order) — each a page the commit writes to the log again.
            e.HasIndex(x => new { x.ClientMessageId, x.SessionId, x.Author }).IsUnique();
            e.HasOne<ChatSessionRecord>().WithMany().HasForeignKey(x => x.SessionId);
        });
        modelBuilder.Entity<ChatInvitationRecord>(e =>
        {
            e.ToTable("ChatInvitations");
            e.HasKey(i => i.Id);
            e.Property(i => i.Invitee).HasMaxLength(256);
            e.Property(i => i.InvitedBy).HasMaxLength(256);
            e.HasIndex(i => new { i.Status, i.ExpiresAt });
            e.HasIndex(i => new { i.SessionId, i.Invitee });

            // An invitation is answered or expired once, even when two hosts act on it at the same moment.
            e.Property(i => i.Status).IsConcurrencyToken();
            e.HasOne<ChatSessionRecord>().WithMany().HasForeignKey(i => i.SessionId);
        });
        modelBuilder.Entity<ChatOutboxRecord>(e =>
        {
            e.ToTable("ChatOutbox");
            e.HasKey(o => o.Id);
            e.HasIndex(o => o.DispatchedAt);
            e.Property(o => o.TraceParent).HasMaxLength(64);
        });
        ChatAttachmentModel.Configure(modelBuilder);
    }
}
