using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ServicePro.Modules.Chat.Hubs;

/// <summary>
/// The logger factory of the chat hub's SignalR pipeline. SignalR's dispatcher logs every failed hub call at Error
/// with its stack; for the chat hub every failure reaches it as a <see cref="HubException"/> that
/// <see cref="ChatHubErrorFilter"/> has already logged at the level it deserves, so that duplicate is left out.
/// Everything else passes through unchanged.
/// </summary>
public sealed class ChatHubLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>The category of SignalR's hub dispatcher (its generic argument is not part of the name).</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    /// <summary>The dispatcher's event for a hub method that threw.</summary>
    public const string FailedInvokingHubMethod = nameof(FailedInvokingHubMethod);

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName == DispatcherCategory ? new WithoutLoggedRefusals(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The host owns the inner factory.
    }

    private sealed class WithoutLoggedRefusals(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == FailedInvokingHubMethod && exception is HubException)
            {
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
