using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ServicePro.Contracts.Data;

namespace ServicePro.Modules.Chat.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without the host.</summary>
public sealed class SqliteChatDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChatDbContext>
{
    // Where the host records this module's migrations, so that scripts record them there too.
    private static readonly string HistoryTable = ModuleMigrationsHistory.TableName(typeof(ChatDbContext).Assembly.GetName().Name!);

    public SqliteChatDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteChatDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(HistoryTable)).Options);
}
