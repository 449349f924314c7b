using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ServicePro.Host.Data;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>The host on a real PostgreSQL server (a private cluster of this test run, a fresh database per test).</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class PostgreSqlHostTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task IdempotentScript_EmptyDatabaseTwice_EveryIdentityMigrationApplied()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(TestContext.CancellationToken);
        await using var db = new PostgreSqlIdentityDbContext(new DbContextOptionsBuilder<PostgreSqlIdentityDbContext>().UseNpgsql(connectionString).Options);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // What `dotnet ef migrations script --idempotent` writes, run as a deployment would: twice is the same as once.
        await db.Database.ExecuteSqlRawAsync(script, TestContext.CancellationToken);
        await db.Database.ExecuteSqlRawAsync(script, TestContext.CancellationToken);

        Assert.IsEmpty(await db.Database.GetPendingMigrationsAsync(TestContext.CancellationToken));
        Assert.AreEqual(0, await db.Users.CountAsync(TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task Start_OnPostgreSql_MigratesSeedsDemoAccountsStartsEveryModuleAndAnswersHealth()
    {
        var settings = await PostgresServer.HostSettingsAsync(TestContext.CancellationToken);
        await using var host = await HostProcess.StartAsync(TestModulesConfig.WithChat(), settings, TestContext.CancellationToken);
        using var http = host.CreateClient();

        using var health = await http.GetAsync("health", TestContext.CancellationToken);
        using var token = await http.PostAsJsonAsync("account/token", new { userName = "carol", password = SignIn.DemoPassword }, TestContext.CancellationToken);
        using var wrong = await http.PostAsJsonAsync("account/token", new { userName = "carol", password = "wrong" }, TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, health.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, token.StatusCode, "the demo accounts were seeded into PostgreSQL");
        Assert.AreEqual(HttpStatusCode.Unauthorized, wrong.StatusCode);
        StringAssert.Contains(host.Output, "Seeded demo accounts admin, alice, bob, carol");
        foreach (var module in new[] { "requests", "share", "chat" })
        {
            StringAssert.Matches(host.Output, new System.Text.RegularExpressions.Regex($"Module {module} \\S+ started"), module);
        }

        // The shell's sign-in form reads the same store: a user name typed in another case is the same user.
        using var shell = host.CreateClient();
        await SignIn.AsAsync(shell, "CAROL", TestContext.CancellationToken);
    }
}
