using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ServicePro.Host.Data;

/// <summary>
/// SQLite lets one connection write at a time. When another holds the lock (the chat writer's batch, a lease renewal,
/// a sign-in), Microsoft.Data.Sqlite's own retry sleeps 150 ms before trying again: a stall of every chat message waiting
/// on the writer. SQLite's native busy handler waits in steps of 1–100 ms instead, so each opened connection gets a busy
/// timeout as long as the driver's command timeout.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        if (command is not null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand? Command(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return null;
        }

        var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {checked(sqlite.DefaultTimeout * 1000)};";
        return command;
    }
}
