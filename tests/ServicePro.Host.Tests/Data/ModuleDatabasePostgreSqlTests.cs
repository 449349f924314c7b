using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Moq;
using ServicePro.Contracts.Data;
using ServicePro.Contracts.Modules;
using ServicePro.Host.Data;
using ServicePro.Host.Tests.Support;

namespace ServicePro.Host.Tests.Data;

/// <summary>Database:Provider=PostgreSql, without a server: which context a module gets, and a module without PostgreSQL migrations.</summary>
[TestClass]
public sealed class ModuleDatabasePostgreSqlTests
{
    private const string ConnectionString = "Host=127.0.0.1;Port=5;Database=sp;Username=sp";

    /// <summary>A third-party module's contexts, as a module written before PostgreSQL would have them.</summary>
    public abstract class LegacyDbContext(DbContextOptions options) : DbContext(options);

    public sealed class SqliteLegacyDbContext(DbContextOptions<SqliteLegacyDbContext> options) : LegacyDbContext(options);

    public sealed class SqlServerLegacyDbContext(DbContextOptions<SqlServerLegacyDbContext> options) : LegacyDbContext(options);

    public sealed class PostgreSqlLegacyDbContext(DbContextOptions<PostgreSqlLegacyDbContext> options) : LegacyDbContext(options);

    private static ModuleDatabase PostgreSql() =>
        new(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = ConnectionString }, "/tmp");

    [TestMethod]
    public void Configure_PostgreSql_NpgsqlWithTheModulesHistoryTable_NotMigratedByDefault()
    {
        var database = PostgreSql();
        var options = new DbContextOptionsBuilder<PostgreSqlLegacyDbContext>();

        database.Configure(options, "ServicePro.Modules.Notes");

        using var context = new PostgreSqlLegacyDbContext(options.Options);
        var relational = options.Options.Extensions.OfType<RelationalOptionsExtension>().Single();
        Assert.AreEqual("Npgsql.EntityFrameworkCore.PostgreSQL", context.Database.ProviderName);
        Assert.AreEqual("__EFMigrationsHistory_ServicePro.Modules.Notes", relational.MigrationsHistoryTableName);
        Assert.IsFalse(database.MigrateAtStartup, "server databases are migrated by the deployment's scripts unless told otherwise");
    }

    [TestMethod]
    [DataRow(DatabaseProvider.PostgreSql)]
    [DataRow(DatabaseProvider.SqlServer)]
    public void Configure_ServerDatabase_ModulesMayBeginTransactions_TheHostsContextRetries(DatabaseProvider provider)
    {
        var database = new ModuleDatabase(new DatabaseOptions { Provider = provider, ConnectionString = provider == DatabaseProvider.SqlServer ? "Server=db;Database=sp" : ConnectionString }, "/tmp");
        var module = new DbContextOptionsBuilder<PostgreSqlLegacyDbContext>();
        var host = new DbContextOptionsBuilder<PostgreSqlLegacyDbContext>();

        database.Configure(module, "ServicePro.Modules.Notes");
        database.ConfigureHost(host);

        // A retrying strategy refuses a transaction begun by the code (the chat writer's batches).
        using var moduleContext = new PostgreSqlLegacyDbContext(module.Options);
        using var hostContext = new PostgreSqlLegacyDbContext(host.Options);
        Assert.IsFalse(moduleContext.Database.CreateExecutionStrategy().RetriesOnFailure);
        Assert.IsTrue(hostContext.Database.CreateExecutionStrategy().RetriesOnFailure);
    }

    [TestMethod]
    public void Constructor_PostgreSqlWithoutConnectionString_ClearError()
    {
        var ex = Assert.ThrowsExactly<InvalidOperationException>(() => new ModuleDatabase(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql }, "/tmp"));

        Assert.AreEqual("Database:ConnectionString is required when Database:Provider is PostgreSql.", ex.Message);
    }

    [TestMethod]
    public void Factory_FourContexts_CreatesThePostgreSqlContext()
    {
        var factory = new ModuleDbContextFactory<LegacyDbContext, SqliteLegacyDbContext, SqlServerLegacyDbContext, PostgreSqlLegacyDbContext>(PostgreSql());

        using var context = factory.CreateDbContext();

        Assert.IsInstanceOfType<PostgreSqlLegacyDbContext>(context);
    }

    [TestMethod]
    public void Factory_ThreeContextsOnPostgreSql_ThrowsNamingTheContext()
    {
        var ex = Assert.ThrowsExactly<InvalidOperationException>(() => new ModuleDbContextFactory<LegacyDbContext, SqliteLegacyDbContext, SqlServerLegacyDbContext>(PostgreSql()));

        StringAssert.StartsWith(ex.Message, $"{typeof(LegacyDbContext).FullName} has no PostgreSQL migrations");
    }

    [TestMethod]
    public async Task Start_ModuleWithoutPostgreSqlMigrations_FailedWithTheReason_OthersStart()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IModuleDatabase>(PostgreSql());
        var modules = new FakeModules();
        modules.Add("legacy").Setup(m => m.ConfigureServices(It.IsAny<ModuleServicesContext>()))
            .Callback<ModuleServicesContext>(c => c.Services.AddModuleDbContextFactory<LegacyDbContext, SqliteLegacyDbContext, SqlServerLegacyDbContext>());
        modules.Add("current").Setup(m => m.ConfigureServices(It.IsAny<ModuleServicesContext>()))
            .Callback<ModuleServicesContext>(c => c.Services.AddModuleDbContextFactory<LegacyDbContext, SqliteLegacyDbContext, SqlServerLegacyDbContext, PostgreSqlLegacyDbContext>());

        var runtime = await modules.StartAsync(FakeModules.Catalog(("legacy", true), ("current", true)), services);

        var legacy = runtime.Modules.Single(m => m.Id == "legacy");
        Assert.AreEqual(ModuleState.Failed, legacy.State);
        StringAssert.Contains(legacy.Reason, $"{typeof(LegacyDbContext).FullName} has no PostgreSQL migrations");
        Assert.AreEqual(ModuleState.Enabled, runtime.Modules.Single(m => m.Id == "current").State);
        Assert.IsInstanceOfType<PostgreSqlLegacyDbContext>(services.BuildServiceProvider().GetRequiredService<IDbContextFactory<LegacyDbContext>>().CreateDbContext());
    }
}
