using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>Records the text of every query the chat's database contexts read with, in order, and counts their commits.</summary>
public sealed class CommandRecorder : DbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly Lock _gate = new();
    private readonly List<string> _commands = [];
    private int _commits;

    /// <summary>Transactions committed so far.</summary>
    public int Commits => Volatile.Read(ref _commits);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_gate)
        {
            _commands.Add(command.CommandText);
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
