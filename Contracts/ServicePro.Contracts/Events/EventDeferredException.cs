namespace ServicePro.Contracts.Events;

/// <summary>
/// Thrown by <see cref="IIntegrationEventBus.PublishAsync{TEvent}"/> (inside its <see cref="AggregateException"/>) when
/// handlers of the event belong to modules that are loaded but disabled right now (turned off in Admin → Modules): they
/// have not had the event yet. Nothing failed; the publisher keeps the event and publishes it again later, and once
/// such a module is enabled again its handler gets what it missed.
/// </summary>
public sealed class EventDeferredException : Exception
{
    /// <summary>Creates the exception with no handler named.</summary>
    public EventDeferredException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message of its own.</summary>
    /// <param name="message">The message.</param>
    public EventDeferredException(string message)
        : base(message)
    {
        Handlers = [];
    }

    /// <summary>Creates the exception with a message of its own and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EventDeferredException(string message, Exception innerException)
        : base(message, innerException)
    {
        Handlers = [];
    }

    /// <summary>Creates the exception for the handlers that have not run.</summary>
    /// <param name="handlers">The type names of the handlers waiting for their modules.</param>
    public EventDeferredException(IReadOnlyList<string> handlers)
        : base($"Waiting for disabled modules: {string.Join(", ", handlers)} will handle the event once enabled.")
    {
        Handlers = handlers;
    }

    /// <summary>The type names of the handlers that have not run because their modules are disabled.</summary>
    public IReadOnlyList<string> Handlers { get; }
}
