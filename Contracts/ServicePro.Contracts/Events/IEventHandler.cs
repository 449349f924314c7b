namespace ServicePro.Contracts.Events;

/// <summary>Handles one kind of event published through <see cref="IEventAggregator"/>.</summary>
/// <typeparam name="TEvent">The event type.</typeparam>
public interface IEventHandler<in TEvent>
{
    /// <summary>Handles the event. Throw to tell the publisher it was not handled.</summary>
    /// <param name="event">The event.</param>
    /// <param name="cancellationToken">Cancelled when the publisher gives up.</param>
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}
