using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ServicePro.Modules.Requests.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQL Server context without a server.</summary>
public sealed class SqlServerRequestsDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRequestsDbContext>
{
    public SqlServerRequestsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerRequestsDbContext>().UseSqlServer("Server=.;Database=ServicePro;Trusted_Connection=True").Options);
}
