using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Data;
using ServicePro.Host.Data;

namespace ServicePro.Host.Tests.Data;

[TestClass]
public sealed class ModuleDatabaseTests
{
    /// <summary>A module's own context, as a module would write it against Contracts.</summary>
    private sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }

    private sealed class Note
    {
        public int Id { get; set; }

        public string Text { get; set; } = string.Empty;
    }

    [TestMethod]
    public void Sqlite_Default_FileInTheDataFolderWhichIsCreated()
    {
        var root = Directory.CreateTempSubdirectory("db-").FullName;

        var database = new ModuleDatabase(new DatabaseOptions(), root);

        Assert.AreEqual(DatabaseProvider.Sqlite, database.Provider);
        Assert.IsTrue(database.MigrateAtStartup);
        Assert.AreEqual($"Data Source={Path.Combine(root, "App_Data", "servicepro.db")}", database.ConnectionString);
        Assert.IsTrue(Directory.Exists(Path.Combine(root, "App_Data")));
    }

    [TestMethod]
    public async Task Sqlite_ConnectionOpened_WaitsNativelyWhenAnotherConnectionWrites()
    {
        // Without SQLite's own busy timeout, Microsoft.Data.Sqlite sleeps 150 ms per retry when another connection holds
        // the write lock: a stall of every chat message behind the writer.
        Assert.AreEqual(30_000L, await PragmaOfAContextAsync("busy_timeout"));
    }

    [TestMethod]
    public async Task Sqlite_ConnectionOpened_LongerLogBeforeACheckpointAndALargerPageCache()
    {
        // SQLite's defaults (a checkpoint every 1,000 pages of log, a 2,000 KiB cache) made every batch of hundreds of
        // chat messages pay for a checkpoint and read its pages again from the log (bench/ServicePro.Bench.Writer, FullBatch).
        Assert.AreEqual(10_000L, await PragmaOfAContextAsync("wal_autocheckpoint"));
        Assert.AreEqual(-8_192L, await PragmaOfAContextAsync("cache_size"));
    }

    [TestMethod]
    public async Task Sqlite_PooledConnectionOpenedAgain_KeepsTheSettings()
    {
        // Applied once per native connection: the pool's next open of the same connection must still have them.
        await using var context = NotesOnSqlite();
        await context.Database.OpenConnectionAsync();
        var first = ((SqliteConnection)context.Database.GetDbConnection()).Handle;
        await context.Database.CloseConnectionAsync();

        await context.Database.OpenConnectionAsync();

        Assert.AreSame(first, ((SqliteConnection)context.Database.GetDbConnection()).Handle, "the pool handed out the same native connection");
        Assert.AreEqual(10_000L, await PragmaAsync(context.Database.GetDbConnection(), "wal_autocheckpoint"));
        Assert.AreEqual(-8_192L, await PragmaAsync(context.Database.GetDbConnection(), "cache_size"));
        Assert.AreEqual(30_000L, await PragmaAsync(context.Database.GetDbConnection(), "busy_timeout"));
    }

    [TestMethod]
    public async Task Sqlite_ConnectionOpenedOutsideEf_SameSettingsOnRequest()
    {
        var database = new ModuleDatabase(new DatabaseOptions(), Directory.CreateTempSubdirectory("db-").FullName);
        await using var connection = new SqliteConnection(database.ConnectionString + ";Cache=Private");
        await connection.OpenAsync();

        await SqliteConnectionSettings.ApplyAsync(connection);

        Assert.AreEqual(10_000L, await PragmaAsync(connection, "wal_autocheckpoint"));
        Assert.AreEqual(-8_192L, await PragmaAsync(connection, "cache_size"));
        Assert.AreEqual(30_000L, await PragmaAsync(connection, "busy_timeout"));
    }

    /// <summary>A pragma's value on the connection of a context configured by the host's <see cref="ModuleDatabase"/>.</summary>
    private static async Task<object?> PragmaOfAContextAsync(string pragma)
    {
        await using var context = NotesOnSqlite();
        await context.Database.OpenConnectionAsync();
        return await PragmaAsync(context.Database.GetDbConnection(), pragma);
    }

    /// <summary>A context configured by the host's <see cref="ModuleDatabase"/>, on a SQLite file of its own.</summary>
    private static NotesDbContext NotesOnSqlite()
    {
        var database = new ModuleDatabase(new DatabaseOptions(), Directory.CreateTempSubdirectory("db-").FullName);
        var options = new DbContextOptionsBuilder<NotesDbContext>();
        database.Configure(options, typeof(NotesDbContext).Assembly.GetName().Name!);
        return new NotesDbContext(options.Options);
    }

    private static async Task<object?> PragmaAsync(DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return await command.ExecuteScalarAsync();
    }

    [TestMethod]
    public void SqlServer_WithoutConnectionString_ClearError()
    {
        var ex = Assert.ThrowsExactly<InvalidOperationException>(() => new ModuleDatabase(new DatabaseOptions { Provider = DatabaseProvider.SqlServer }, "/tmp"));

        Assert.AreEqual("Database:ConnectionString is required when Database:Provider is SqlServer.", ex.Message);
    }

    [TestMethod]
    public void SqlServer_ConfiguresSqlServerAndDoesNotMigrateByDefault()
    {
        var database = new ModuleDatabase(new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=db;Database=sp;User Id=sp;Password=x" }, "/tmp");
        var options = new DbContextOptionsBuilder<NotesDbContext>();

        database.Configure(options, typeof(NotesDbContext).Assembly.GetName().Name!);

        using var context = new NotesDbContext(options.Options);
        Assert.AreEqual("Microsoft.EntityFrameworkCore.SqlServer", context.Database.ProviderName);
        Assert.IsFalse(database.MigrateAtStartup);
    }

    [TestMethod]
    public void Configure_MigrationsAssemblyLoaded_EfIsHandedTheAssemblyItself()
    {
        // A module is loaded into its own load context, where EF's Assembly.Load(name) would not find it.
        var database = new ModuleDatabase(new DatabaseOptions(), Directory.CreateTempSubdirectory("db-").FullName);
        var options = new DbContextOptionsBuilder<NotesDbContext>();

        database.Configure(options, typeof(NotesDbContext).Assembly.GetName().Name!);

        var relational = options.Options.Extensions.OfType<Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension>().Single();
        Assert.AreSame(typeof(NotesDbContext).Assembly, relational.MigrationsAssemblyObject);
    }

    [TestMethod]
    public void Configure_EachModuleKeepsItsMigrationsHistoryApart_HostKeepsEfsDefault()
    {
        var database = new ModuleDatabase(new DatabaseOptions(), Directory.CreateTempSubdirectory("db-").FullName);
        var module = new DbContextOptionsBuilder<NotesDbContext>();
        var host = new DbContextOptionsBuilder<NotesDbContext>();

        database.Configure(module, "ServicePro.Modules.Notes");
        database.ConfigureHost(host);

        string? History(DbContextOptionsBuilder builder) =>
            builder.Options.Extensions.OfType<Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension>().Single().MigrationsHistoryTableName;
        Assert.AreEqual("__EFMigrationsHistory_ServicePro.Modules.Notes", History(module));
        Assert.AreEqual("__EFMigrationsHistory", History(host));
    }

    [TestMethod]
    public async Task ModuleContext_OnTheConfiguredSqliteFile_KeepsItsOwnTable()
    {
        var root = Directory.CreateTempSubdirectory("db-").FullName;
        var database = new ModuleDatabase(new DatabaseOptions(), root);
        var options = new DbContextOptionsBuilder<NotesDbContext>();
        database.Configure(options, typeof(NotesDbContext).Assembly.GetName().Name!);

        await using (var context = new NotesDbContext(options.Options))
        {
            await context.Database.EnsureCreatedAsync();
            context.Notes.Add(new Note { Text = "stored" });
            await context.SaveChangesAsync();
        }

        await using var again = new NotesDbContext(options.Options);
        Assert.AreEqual("stored", (await again.Notes.SingleAsync()).Text);
        Assert.IsTrue(File.Exists(Path.Combine(root, "App_Data", "servicepro.db")));
    }

    [TestMethod]
    public void IdentityMigrations_ExistForEveryProvider_AndMatchTheModel()
    {
        using var sqlite = new SqliteIdentityDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerIdentityDesignTimeFactory().CreateDbContext([]);
        using var postgreSql = new PostgreSqlIdentityDesignTimeFactory().CreateDbContext([]);

        foreach (DbContext context in new DbContext[] { sqlite, sqlServer, postgreSql })
        {
            Assert.IsNotEmpty(context.Database.GetMigrations(), context.GetType().Name);
            Assert.IsFalse(context.Database.HasPendingModelChanges(), $"{context.GetType().Name} has model changes without a migration");
        }

        static string[] Names(DbContext context) => [.. context.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..])];
        CollectionAssert.AreEqual(new[] { "InitialIdentity", "HostLeasesAndModuleStates", "UserProfilesAndAudit" }, Names(sqlite));
        CollectionAssert.AreEqual(Names(sqlite), Names(sqlServer), "the same migrations for every provider");
        CollectionAssert.AreEqual(Names(sqlite), Names(postgreSql), "the same migrations for every provider");
    }
}
