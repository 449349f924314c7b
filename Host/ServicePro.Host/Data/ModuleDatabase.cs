using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using ServicePro.Contracts.Data;

namespace ServicePro.Host.Data;

/// <summary>The configured database, as the host and every module's own context use it.</summary>
public sealed class ModuleDatabase : IModuleDatabase
{
    public ModuleDatabase(DatabaseOptions options, string contentRoot)
    {
        Provider = options.Provider;
        MigrateAtStartup = options.MigrateAtStartup ?? options.Provider == DatabaseProvider.Sqlite;
        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            DataFolder = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
            Directory.CreateDirectory(DataFolder);
            ConnectionString = $"Data Source={Path.Combine(DataFolder, "servicepro.db")}";
        }
        else
        {
            ConnectionString = options.ConnectionString
                ?? throw new InvalidOperationException($"Database:ConnectionString is required when Database:Provider is {options.Provider}.");
            DataFolder = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
        }
    }

    public DatabaseProvider Provider { get; }

    public bool MigrateAtStartup { get; }

    public string ConnectionString { get; }

    public string DataFolder { get; }

    /// <summary>
    /// A module's context: its own history table, and no retrying execution strategy on the server databases. EF's
    /// retrying strategies refuse a transaction the code begins itself, and modules do (the chat writer's batches);
    /// a module owns its retries (the chat writer re-runs a failed batch, its outbox delivers again).
    /// </summary>
    public void Configure(DbContextOptionsBuilder options, string migrationsAssembly) =>
        Configure(options, migrationsAssembly, ModuleMigrationsHistory.TableName(migrationsAssembly), retry: false);

    /// <summary>The host's own contexts: EF's default history table; a dropped connection to a server database is retried.</summary>
    public void ConfigureHost(DbContextOptionsBuilder options) =>
        Configure(options, typeof(ModuleDatabase).Assembly.GetName().Name!, HistoryRepository.DefaultTableName, retry: true);

    /// <summary>SQLite: write-ahead logging, so readers never wait for a writer's batch (a setting of the file).</summary>
    public async Task PrepareAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private void Configure(DbContextOptionsBuilder options, string migrationsAssembly, string historyTable, bool retry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(migrationsAssembly);

        // A module lives in its own load context, where EF's Assembly.Load(name) cannot find it: hand EF the loaded
        // assembly itself when there is one by that name.
        var loaded = FindLoadedAssembly(migrationsAssembly);
        _ = Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(ConnectionString, o =>
            {
                _ = (loaded is null ? o.MigrationsAssembly(migrationsAssembly) : o.MigrationsAssembly(loaded)).MigrationsHistoryTable(historyTable);
            }).AddInterceptors(SqliteConnectionSettings.Instance),
            DatabaseProvider.SqlServer => options.UseSqlServer(ConnectionString, o =>
            {
                _ = (loaded is null ? o.MigrationsAssembly(migrationsAssembly) : o.MigrationsAssembly(loaded)).MigrationsHistoryTable(historyTable);
                if (retry)
                {
                    _ = o.EnableRetryOnFailure();
                }
            }),
            DatabaseProvider.PostgreSql => options.UseNpgsql(ConnectionString, o =>
            {
                _ = (loaded is null ? o.MigrationsAssembly(migrationsAssembly) : o.MigrationsAssembly(loaded)).MigrationsHistoryTable(historyTable);
                if (retry)
                {
                    _ = o.EnableRetryOnFailure();
                }
            }),
            _ => throw new InvalidOperationException($"Unknown database provider {Provider}."),
        };
    }

    private static System.Reflection.Assembly? FindLoadedAssembly(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => string.Equals(a.GetName().Name, name, StringComparison.Ordinal));
}
