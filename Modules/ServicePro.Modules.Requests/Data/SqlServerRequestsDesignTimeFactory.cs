using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ServicePro.Contracts.Data;

namespace ServicePro.Modules.Requests.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQL Server context without a server.</summary>
public sealed class SqlServerRequestsDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRequestsDbContext>
{
    // Where the host records this module's migrations, so that scripts record them there too.
    private static readonly string HistoryTable = ModuleMigrationsHistory.TableName(typeof(RequestsDbContext).Assembly.GetName().Name!);

    public SqlServerRequestsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerRequestsDbContext>().UseSqlServer("Server=.;Database=ServicePro;Trusted_Connection=True", o => o.MigrationsHistoryTable(HistoryTable)).Options);
}
