using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ServicePro.Contracts.Data;

namespace ServicePro.Modules.Chat.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQL Server context without a server.</summary>
public sealed class SqlServerChatDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerChatDbContext>
{
    // Where the host records this module's migrations, so that scripts record them there too.
    private static readonly string HistoryTable = ModuleMigrationsHistory.TableName(typeof(ChatDbContext).Assembly.GetName().Name!);

    public SqlServerChatDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerChatDbContext>()
            .UseSqlServer("Server=.;Database=ServicePro;Trusted_Connection=True", o => o.MigrationsHistoryTable(HistoryTable)).Options);
}
