using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Data;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Tests.Services;

[TestClass]
public sealed class PooledChatDbFactoryTests
{
    [TestMethod]
    [DataRow(DatabaseProvider.Sqlite, typeof(SqliteChatDbContext))]
    [DataRow(DatabaseProvider.SqlServer, typeof(SqlServerChatDbContext))]
    [DataRow(DatabaseProvider.PostgreSql, typeof(PostgreSqlChatDbContext))]
    public async Task Create_TheHostsProvider_TheContextWithThatProvidersMigrationsAsTheHostConfiguresIt(DatabaseProvider provider, Type expected)
    {
        var database = new FakeModuleDatabase(provider);
        var factory = new PooledChatDbFactory(database);

        await using var db = factory.Create();

        Assert.IsInstanceOfType(db, expected);
        Assert.AreEqual(expected.Assembly.GetName().Name, database.MigrationsAssembly, "the host configured it, for the module's own migrations");
        Assert.IsNotEmpty(db.Database.GetMigrations(), "the provider's migrations are found");
    }

    /// <summary>
    /// A context comes back from the pool as good as new: nothing tracked, the writer's transaction setting undone. (Its
    /// being the same instance is what saves the writer the context's set-up.)
    /// </summary>
    [TestMethod]
    public async Task Create_AfterAContextWasReturned_TheSameContextComesBackReset()
    {
        var factory = new PooledChatDbFactory(new FakeModuleDatabase(DatabaseProvider.Sqlite));
        ChatDbContext first;
        await using (first = factory.Create())
        {
            first.Database.AutoSavepointsEnabled = false;
            first.Sessions.Attach(new ChatSessionRecord { Id = Guid.NewGuid(), Originator = "alice" });
        }

        await using var second = factory.Create();

        Assert.AreSame(first, second);
        Assert.IsEmpty(second.ChangeTracker.Entries().ToList(), "nothing tracked carries over");
        Assert.IsTrue(second.Database.AutoSavepointsEnabled, "the writer's setting does not carry over");
    }

    /// <summary>
    /// SQLite drops a connection's whole page cache when another connection has written since its last transaction. The
    /// writer's contexts have a pool of their own: with readers opening and closing between its batches, every batch
    /// is on the same native connection, and no reader is ever given it.
    /// </summary>
    [TestMethod]
    public async Task CreateForWriter_SqliteWithReadersBetweenBatches_EveryBatchOnTheSameConnectionNoReaderGets()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chat-writer-{Guid.NewGuid():N}.db");
        var factory = new PooledChatDbFactory(new FakeModuleDatabase(DatabaseProvider.Sqlite, $"Data Source={path}"));
        var writers = new List<SQLitePCL.sqlite3>();
        var readers = new List<SQLitePCL.sqlite3>();
        try
        {
            for (var batch = 0; batch < 3; batch++)
            {
                await using (var reader = factory.Create())
                await using (var alsoReading = factory.Create())
                {
                    readers.Add(await OpenAsync(reader));
                    readers.Add(await OpenAsync(alsoReading));
                }

                await using var writer = factory.CreateForWriter();
                writers.Add(await OpenAsync(writer));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }

        Assert.HasCount(1, writers.Distinct(), "one native connection for every batch");
        Assert.IsFalse(readers.Contains(writers[0]), "never handed to a reader");
        Assert.AreEqual("Data Source=chat.db;Pooling=False", PooledChatDbFactory.WriterConnectionString("Data Source=chat.db;Pooling=False"), "without pooling, nothing to set apart");
    }

    private static async Task<SQLitePCL.sqlite3> OpenAsync(ChatDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        return ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
    }

    private sealed class FakeModuleDatabase(DatabaseProvider provider, string sqlite = "Data Source=:memory:") : IModuleDatabase
    {
        public DatabaseProvider Provider => provider;

        public bool MigrateAtStartup => false;

        public string? MigrationsAssembly { get; private set; }

        public void Configure(DbContextOptionsBuilder options, string migrationsAssembly)
        {
            MigrationsAssembly = migrationsAssembly;
            _ = provider switch
            {
                DatabaseProvider.SqlServer => options.UseSqlServer("Server=nowhere;Database=chat", o => o.MigrationsAssembly(migrationsAssembly)),
                DatabaseProvider.PostgreSql => options.UseNpgsql("Host=nowhere;Database=chat", o => o.MigrationsAssembly(migrationsAssembly)),
                _ => options.UseSqlite(sqlite, o => o.MigrationsAssembly(migrationsAssembly)),
            };
        }
    }
}
