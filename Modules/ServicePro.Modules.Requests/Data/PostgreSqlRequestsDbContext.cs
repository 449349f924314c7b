using Microsoft.EntityFrameworkCore;

namespace ServicePro.Modules.Requests.Data;

/// <summary>The Requests tables on PostgreSQL; its migrations are in <c>Data/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlRequestsDbContext(DbContextOptions<PostgreSqlRequestsDbContext> options) : RequestsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // The list's text filter is LIKE '%text%', case-insensitive on SQLite and SQL Server; PostgreSQL's LIKE is
        // case-sensitive, except on citext (a trusted extension shipped with PostgreSQL), whose LIKE ignores case.
        modelBuilder.HasPostgresExtension("citext");
        modelBuilder.Entity<ServiceRequest>(request =>
        {
            request.Property(r => r.Title).HasColumnType("citext");
            request.Property(r => r.Requester).HasColumnType("citext");
        });
    }
}
