using Microsoft.EntityFrameworkCore;

namespace ServicePro.Modules.Requests.Data;

/// <summary>
/// The module's own tables. Each provider has a derived context that carries its migrations
/// (<see cref="SqliteRequestsDbContext"/>, <see cref="SqlServerRequestsDbContext"/>, <see cref="PostgreSqlRequestsDbContext"/>).
/// </summary>
public abstract class RequestsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ServiceRequest> Requests => Set<ServiceRequest>();

    public DbSet<ActivityEntry> Activity => Set<ActivityEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are written in UTC and read back as UTC (SQLite keeps no kind).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceRequest>(request =>
        {
            request.ToTable("ServiceRequests");
            request.HasKey(r => r.Number);
            // The number is the store's own key (SQLite AUTOINCREMENT, SQL Server and PostgreSQL IDENTITY): two reps creating a
            // request at the same moment get two different, increasing numbers without any read-then-write.
            request.Property(r => r.Number).ValueGeneratedOnAdd();
            request.Property(r => r.Title).HasMaxLength(RequestsConstants.TitleMaxLength).IsRequired();
            request.Property(r => r.Description).HasMaxLength(RequestsConstants.DescriptionMaxLength).IsRequired();
            request.Property(r => r.Requester).HasMaxLength(RequestsConstants.RequesterMaxLength).IsRequired();
            request.Property(r => r.AssignedTo).HasMaxLength(RequestsConstants.UserNameMaxLength).IsConcurrencyToken();
            // Two reps changing one request at once: the second is told, not silently overwritten.
            request.Property(r => r.Status).IsConcurrencyToken();
            request.Property(r => r.CreatedBy).HasMaxLength(RequestsConstants.UserNameMaxLength).IsRequired();
            // What the list filters and the Workbench tile use.
            request.HasIndex(r => r.Status);
            request.HasIndex(r => new { r.AssignedTo, r.Status });
            request.HasIndex(r => r.Requester);
            request.HasIndex(r => r.Title);
            request.HasMany(r => r.Activity).WithOne().HasForeignKey(a => a.RequestNumber).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ActivityEntry>(entry =>
        {
            entry.ToTable("RequestActivity");
            entry.HasKey(a => a.Id);
            entry.Property(a => a.Kind).HasMaxLength(16).IsRequired();
            entry.Property(a => a.Actor).HasMaxLength(RequestsConstants.UserNameMaxLength).IsRequired();
            entry.Property(a => a.Text).HasMaxLength(RequestsConstants.NoteMaxLength);
            entry.Property(a => a.OldValue).HasMaxLength(RequestsConstants.UserNameMaxLength);
            entry.Property(a => a.NewValue).HasMaxLength(RequestsConstants.UserNameMaxLength);
            entry.HasIndex(a => new { a.RequestNumber, a.At });
            // Exactly once: a chat session is one entry, whoever delivers it and however often.
            entry.HasIndex(a => a.ChatSessionId).IsUnique();
        });
    }
}
