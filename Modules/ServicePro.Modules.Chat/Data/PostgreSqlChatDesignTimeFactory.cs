using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ServicePro.Modules.Chat.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
public sealed class PostgreSqlChatDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlChatDbContext>
{
    public PostgreSqlChatDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlChatDbContext>()
            .UseNpgsql("Host=localhost;Database=servicepro").Options);
}
