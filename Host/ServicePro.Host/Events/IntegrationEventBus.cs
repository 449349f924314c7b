using ServicePro.Contracts.Events;
using ServicePro.Contracts.Modules;

namespace ServicePro.Host.Events;

/// <summary>
/// Runs the integration-event handlers of enabled modules, each event in a fresh scope, one after another, and
/// throws every failure together once all have run, so that the publisher (an outbox) can try again.
/// </summary>
public sealed class IntegrationEventBus(IServiceScopeFactory scopes, IModuleStatus modules, ILogger<IntegrationEventBus> logger) : IIntegrationEventBus
{
    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(@event);
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

        if (failures is not null)
        {
            throw new AggregateException($"{failures.Count} handler(s) of {typeof(TEvent).Name} failed.", failures);
        }
    }
}
