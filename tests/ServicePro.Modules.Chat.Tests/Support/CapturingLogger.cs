using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>A logger that keeps every entry it is given (level, event, message, exception).</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<LoggedEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Entries.Enqueue(new LoggedEntry(logLevel, eventId, formatter(state, exception), exception));
    }
}
