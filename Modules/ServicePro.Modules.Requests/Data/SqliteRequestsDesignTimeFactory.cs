using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ServicePro.Contracts.Data;

namespace ServicePro.Modules.Requests.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the host.</summary>
public sealed class SqliteRequestsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRequestsDbContext>
{
    // Where the host records this module's migrations, so that scripts record them there too.
    private static readonly string HistoryTable = ModuleMigrationsHistory.TableName(typeof(RequestsDbContext).Assembly.GetName().Name!);

    public SqliteRequestsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRequestsDbContext>().UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(HistoryTable)).Options);
}
