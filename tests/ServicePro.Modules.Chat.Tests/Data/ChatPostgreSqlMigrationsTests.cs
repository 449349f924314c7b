using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ServicePro.Modules.Chat.Data;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Data;

/// <summary>The Chat module's PostgreSQL migrations on a real server (a fresh database of this run's cluster).</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatPostgreSqlMigrationsTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task IdempotentScript_EmptyDatabaseTwice_EveryMigrationApplied()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(TestContext.CancellationToken);
        await using var db = new PostgreSqlChatDbContext(new DbContextOptionsBuilder<PostgreSqlChatDbContext>().UseNpgsql(connectionString).Options);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // What `dotnet ef migrations script --idempotent` writes, run as a deployment would: twice is the same as once.
        await db.Database.ExecuteSqlRawAsync(script, TestContext.CancellationToken);
        await db.Database.ExecuteSqlRawAsync(script, TestContext.CancellationToken);

        Assert.IsEmpty(await db.Database.GetPendingMigrationsAsync(TestContext.CancellationToken));
        Assert.AreEqual(0, await db.Sessions.CountAsync(TestContext.CancellationToken));
    }
}
