using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ServicePro.Contracts.Data;

namespace ServicePro.Modules.Chat.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
public sealed class PostgreSqlChatDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlChatDbContext>
{
    // Where the host records this module's migrations, so that scripts record them there too.
    private static readonly string HistoryTable = ModuleMigrationsHistory.TableName(typeof(ChatDbContext).Assembly.GetName().Name!);

    public PostgreSqlChatDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlChatDbContext>()
            .UseNpgsql("Host=localhost;Database=servicepro", o => o.MigrationsHistoryTable(HistoryTable)).Options);
}
