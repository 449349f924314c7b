namespace ServicePro.Contracts.Events;

/// <summary>
/// Integration events between modules: something happened in one module that another must act on (a chat session
/// ended, so Requests records it). The bus runs every <see cref="IEventHandler{TEvent}"/> registered with
/// <see cref="Extensibility.ContributionServiceCollectionExtensions.AddEventHandler{TEvent,THandler}"/> by an enabled
/// module, each in a fresh scope, and tells the publisher whether all of them succeeded; a module disabled live
/// (loaded, turned off in Admin → Modules) has not handled the event yet, and gets it once enabled again (see
/// <see cref="EventDeferredException"/>). It keeps nothing itself:
/// a publisher that must not lose an event stores it first (an outbox) and publishes it again until the call
/// succeeds, so handlers are idempotent and do not retry on their own. UI notifications go through
/// <see cref="IEventAggregator"/> instead.
/// </summary>
public interface IIntegrationEventBus
{
    /// <summary>
    /// Runs every handler of <typeparamref name="TEvent"/> of the enabled modules, one after another, and completes
    /// when all have. When any fails the others still run, and the failures are thrown together afterwards as an
    /// <see cref="AggregateException"/>: publish again later. The handlers of modules that are loaded but disabled do
    /// not run; an <see cref="EventDeferredException"/> among the inner exceptions names them: publish again later too,
    /// and the handlers that did run see the event again (handlers are idempotent).
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="event">The event.</param>
    /// <param name="cancellationToken">Cancels the handlers not yet run.</param>
    /// <returns>A task that completes when every handler succeeded.</returns>
    Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : notnull;
}
