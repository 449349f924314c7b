using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Requests.Data;

namespace ServicePro.Modules.Requests.Tests.Support;

/// <summary>
/// A real SQLite file in a temporary folder, migrated with the module's own migrations. Its connection can be broken
/// and mended (<see cref="Break"/>, <see cref="Mend"/>) to stand for a database that is unreachable for a while.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<RequestsDbContext>, IAsyncDisposable
{
    private readonly string _folder;
    private volatile string _connectionString;

    private TestDatabase(string folder)
    {
        _folder = folder;
        Path = System.IO.Path.Combine(folder, "requests.db");
        GoodConnectionString = $"Data Source={Path};Pooling=False";
        _connectionString = GoodConnectionString;
    }

    public string Path { get; }

    public string GoodConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase(Directory.CreateTempSubdirectory("requests-test-").FullName);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>From now on every new context points at a folder that does not exist: opening it fails.</summary>
    public void Break() => _connectionString = $"Data Source={System.IO.Path.Combine(_folder, "missing", "nowhere.db")};Mode=ReadWrite;Pooling=False";

    public void Mend() => _connectionString = GoodConnectionString;

    public RequestsDbContext CreateDbContext() =>
        new SqliteRequestsDbContext(new DbContextOptionsBuilder<SqliteRequestsDbContext>().UseSqlite(_connectionString).Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS; no test depends on it.
        }

        return ValueTask.CompletedTask;
    }
}
