namespace ServicePro.Contracts.Events;

/// <summary>
/// UI notifications inside the process (Prism's event aggregator): components, view models and shells subscribe
/// for as long as they are shown, and anything may publish. Delivery never blocks or fails the publisher: each
/// subscriber has a queue of its own and gets its events one after another on its own, so a slow, hung or broken
/// subscriber (a circuit that is gone) delays and fails nobody else. A subscriber's failures are logged and stay
/// with it. Nothing is kept: a notification published while nobody listens is gone. For work that must happen
/// (another module recording something), publish an integration event through <see cref="IIntegrationEventBus"/>.
/// </summary>
public interface IEventAggregator
{
    /// <summary>
    /// Queues the event for every current subscriber of <typeparamref name="TEvent"/> and returns at once, without
    /// waiting for any of them.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="event">The event.</param>
    void Publish<TEvent>(TEvent @event)
        where TEvent : notnull;

    /// <summary>
    /// Subscribes a callback until the returned handle is disposed. Events reach it in the order published, one at a
    /// time, never on the publisher's call; a Blazor component re-renders through <c>InvokeAsync</c>.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="handler">
    /// Called for each event published after this call; its token is cancelled when the subscription is disposed.
    /// </param>
    /// <returns>Dispose it to unsubscribe; events still queued for it are dropped.</returns>
    IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : notnull;
}
