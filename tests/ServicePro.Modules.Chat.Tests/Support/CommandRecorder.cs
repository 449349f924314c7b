using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>Records the text of every query the chat's database contexts read with, in order.</summary>
public sealed class CommandRecorder : DbCommandInterceptor
{
    private readonly Lock _gate = new();
    private readonly List<string> _commands = [];

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
