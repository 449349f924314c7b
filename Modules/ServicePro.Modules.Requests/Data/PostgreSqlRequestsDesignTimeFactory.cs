using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ServicePro.Contracts.Data;

namespace ServicePro.Modules.Requests.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
public sealed class PostgreSqlRequestsDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlRequestsDbContext>
{
    // Where the host records this module's migrations, so that scripts record them there too.
    private static readonly string HistoryTable = ModuleMigrationsHistory.TableName(typeof(RequestsDbContext).Assembly.GetName().Name!);

    public PostgreSqlRequestsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlRequestsDbContext>().UseNpgsql("Host=localhost;Database=servicepro", o => o.MigrationsHistoryTable(HistoryTable)).Options);
}
