namespace ServicePro.Contracts.Events;

/// <summary>
/// Handles one kind of integration event published through <see cref="IIntegrationEventBus"/>. The same event may
/// arrive more than once (the publisher retries until every handler succeeded): handle it idempotently.
/// </summary>
/// <typeparam name="TEvent">The event type.</typeparam>
public interface IEventHandler<in TEvent>
{
    /// <summary>Handles the event. Throw when it was not handled, so that the publisher tries again later.</summary>
    /// <param name="event">The event.</param>
    /// <param name="cancellationToken">Cancelled when the publisher gives up.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}
