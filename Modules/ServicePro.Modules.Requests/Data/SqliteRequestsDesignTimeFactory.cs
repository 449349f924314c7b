using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ServicePro.Modules.Requests.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the host.</summary>
public sealed class SqliteRequestsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRequestsDbContext>
{
    public SqliteRequestsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRequestsDbContext>().UseSqlite("Data Source=design.db").Options);
}
