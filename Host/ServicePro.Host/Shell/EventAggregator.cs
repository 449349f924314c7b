using ServicePro.Contracts.Events;
using ServicePro.Contracts.Modules;

namespace ServicePro.Host.Shell;

/// <summary>
/// The in-process event aggregator: runs the handlers of enabled modules (each event in a fresh scope) and the
/// live subscriptions, and reports every failure together after all have run.
/// </summary>
public sealed class EventAggregator(IServiceScopeFactory scopes, IModuleStatus modules, ILogger<EventAggregator> logger) : IEventAggregator
{
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];

    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        List<Exception>? failures = null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var handler in scope.ServiceProvider.GetServices<IEventHandler<TEvent>>())
            {
                if (!modules.IsActive(handler.GetType()))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    await handler.HandleAsync(@event, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Handler} failed to handle {Event}", handler.GetType().Name, typeof(TEvent).Name);
                    (failures ??= []).Add(ex);
                }
            }
        }

        Subscription[] subscribers;
        lock (_gate)
        {
            subscribers = _subscriptions.Where(s => s.EventType == typeof(TEvent)).ToArray();
        }

        foreach (var subscriber in subscribers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await ((Func<TEvent, CancellationToken, Task>)subscriber.Handler)(@event, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "A subscriber failed to handle {Event}", typeof(TEvent).Name);
                (failures ??= []).Add(ex);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException($"{failures.Count} handler(s) of {typeof(TEvent).Name} failed.", failures);
        }
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(typeof(TEvent), handler, this);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private sealed class Subscription(Type eventType, Delegate handler, EventAggregator owner) : IDisposable
    {
        public Type EventType { get; } = eventType;

        public Delegate Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
