using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Identity;

namespace ServicePro.Host.Data;

/// <summary>
/// The host's own tables: ASP.NET Core Identity with user profiles and their audit trail, host leases and module states. Each provider has a derived context
/// that carries its migrations (<see cref="SqliteIdentityDbContext"/>, <see cref="SqlServerIdentityDbContext"/>,
/// <see cref="PostgreSqlIdentityDbContext"/>).
/// </summary>
public abstract class ServiceProIdentityDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<HostLeaseRecord> HostLeases => Set<HostLeaseRecord>();

    public DbSet<ModuleStateRecord> ModuleStates => Set<ModuleStateRecord>();

    public DbSet<UserProfileRecord> UserProfiles => Set<UserProfileRecord>();

    public DbSet<UserAuditRecord> UserAudit => Set<UserAuditRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<HostLeaseRecord>(e =>
        {
            e.ToTable("HostLeases");
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(100);
            e.Property(l => l.Holder).HasMaxLength(200);
        });
        builder.Entity<ModuleStateRecord>(e =>
        {
            e.ToTable("ModuleStates");
            e.HasKey(m => m.ModuleId);
            e.Property(m => m.ModuleId).HasMaxLength(100);
            e.Property(m => m.ChangedBy).HasMaxLength(256);
        });
        builder.Entity<UserProfileRecord>(e =>
        {
            e.ToTable("UserProfiles");
            e.HasKey(p => p.UserId);
            e.Property(p => p.DisplayName).HasMaxLength(UserLimits.DisplayNameLength);
            e.HasOne<IdentityUser>().WithOne().HasForeignKey<UserProfileRecord>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UserAuditRecord>(e =>
        {
            e.ToTable("UserAudit");
            e.HasKey(a => a.Id);
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Target).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(UserLimits.AuditActionLength);
            e.HasIndex(a => a.At);
        });
    }
}
