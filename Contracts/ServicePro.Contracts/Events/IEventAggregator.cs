namespace ServicePro.Contracts.Events;

/// <summary>
/// In-process publish/subscribe between the host and modules (Prism's event aggregator). Handlers registered with
/// <see cref="Extensibility.ContributionServiceCollectionExtensions.AddEventHandler{TEvent,THandler}"/> run for
/// every event while their module is enabled; components subscribe for as long as they are shown.
/// </summary>
public interface IEventAggregator
{
    /// <summary>
    /// Runs every registered handler and subscriber of <typeparamref name="TEvent"/>, one after another. When any of
    /// them fails the others still run, and the failures are thrown together afterwards as an
    /// <see cref="AggregateException"/>, so that a caller who must not lose the event can retry it.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="event">The event.</param>
    /// <param name="cancellationToken">Cancels the handlers not yet run.</param>
    Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : notnull;

    /// <summary>Subscribes a callback until the returned handle is disposed.</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="handler">Called for each event published after this call.</param>
    /// <returns>Dispose it to unsubscribe.</returns>
    IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : notnull;
}
