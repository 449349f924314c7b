using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace ServicePro.Host.Data;

/// <summary>
/// What every SQLite connection of the host is given when it opens (one command of three pragmas):
/// <list type="bullet">
/// <item><b>A native busy timeout</b> as long as the driver's command timeout. SQLite lets one connection write at a time;
/// when another holds the lock (the chat writer's batch, a lease renewal, a sign-in), Microsoft.Data.Sqlite's own retry
/// sleeps 150 ms before trying again, a stall of every chat message waiting on the writer. SQLite's busy handler waits in
/// steps of 1–100 ms instead.</item>
/// <item><b>A checkpoint every <see cref="WalAutoCheckpointPages"/> pages of write-ahead log</b> instead of SQLite's
/// 1,000. A batch of hundreds of chat messages spread over hundreds of sessions dirties about a thousand pages (each
/// session's last page in the table's key and in the resend index), so with the default every batch paid for a
/// checkpoint, and the same pages of live sessions were copied back to the database file batch after batch. A longer log
/// copies each of them once per checkpoint. The log file grows to about 40 MB under that load.</item>
/// <item><b>A page cache of up to <see cref="CacheKibibytes"/> KiB</b> instead of SQLite's 2,000: the pages such a batch
/// reads stay in memory instead of being read again from the log for each insert. It is an upper bound per connection,
/// filled only with pages the connection reads.</item>
/// </list>
/// <c>bench/ServicePro.Bench.Writer</c>'s <c>FullBatch</c> measures the last two against SQLite's defaults.
/// The settings live as long as the native connection, which Microsoft.Data.Sqlite's pool hands out again on each open:
/// they are applied once per native connection, not on every open (the chat writer opens one per batch).
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    /// <summary>Pages of write-ahead log after which a committing connection copies the log back into the database file.</summary>
    public const int WalAutoCheckpointPages = 10_000;

    /// <summary>The largest page cache of one connection, in KiB.</summary>
    public const int CacheKibibytes = 8_192;

    // The native connections that have the settings; an entry goes with its connection.
    private static readonly ConditionalWeakTable<sqlite3, object> Applied = [];
    private static readonly object Marker = new();

    /// <summary>Gives a connection opened outside EF Core (a benchmark's plain SQL) the same settings.</summary>
    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsApplied(connection))
        {
            return;
        }

        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite && !IsApplied(sqlite))
        {
            using var command = Command(sqlite);
            command.ExecuteNonQuery();
            Remember(sqlite);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            await ApplyAsync(sqlite, cancellationToken);
        }
    }

    private static bool IsApplied(SqliteConnection connection) => connection.Handle is { } handle && Applied.TryGetValue(handle, out _);

    private static void Remember(SqliteConnection connection)
    {
        if (connection.Handle is { } handle)
        {
            Applied.TryAdd(handle, Marker);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {checked(connection.DefaultTimeout * 1000)}; PRAGMA wal_autocheckpoint = {WalAutoCheckpointPages}; PRAGMA cache_size = -{CacheKibibytes};";
        return command;
    }
}
