using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ServicePro.Modules.Requests.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
public sealed class PostgreSqlRequestsDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlRequestsDbContext>
{
    public PostgreSqlRequestsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlRequestsDbContext>().UseNpgsql("Host=localhost;Database=servicepro").Options);
}
