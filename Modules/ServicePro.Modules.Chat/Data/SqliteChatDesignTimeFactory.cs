using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ServicePro.Modules.Chat.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without the host.</summary>
public sealed class SqliteChatDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChatDbContext>
{
    public SqliteChatDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteChatDbContext>()
            .UseSqlite("Data Source=design.db").Options);
}
