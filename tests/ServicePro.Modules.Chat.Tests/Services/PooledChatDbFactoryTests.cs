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

    private sealed class FakeModuleDatabase(DatabaseProvider provider) : IModuleDatabase
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
                _ => options.UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly(migrationsAssembly)),
            };
        }
    }
}
