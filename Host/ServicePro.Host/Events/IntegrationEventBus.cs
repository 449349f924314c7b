using ServicePro.Contracts.Events;
using ServicePro.Contracts.Modules;

namespace ServicePro.Host.Events;

/// <summary>
/// Runs the integration-event handlers of enabled modules, each event in a fresh scope, one after another, and
/// throws every failure together once all have run, so that the publisher (an outbox) can try again. A handler of a
/// module disabled live (loaded, turned off) has not had the event: that is thrown too, as an
/// <see cref="EventDeferredException"/>, so that the module gets the event once it is enabled again.
/// </summary>
public sealed class IntegrationEventBus(IServiceScopeFactory scopes, IModuleStatus modules, ILogger<IntegrationEventBus> logger) : IIntegrationEventBus
{
    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(@event);
        List<Exception>? failures = null;
        List<string>? deferred = null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var handler in scope.ServiceProvider.GetServices<IEventHandler<TEvent>>())
            {
                if (!modules.IsActive(handler.GetType()))
                {
                    (deferred ??= []).Add(handler.GetType().Name);
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

        if (deferred is not null)
        {
            (failures ??= []).Add(new EventDeferredException(deferred));
        }

        if (failures is not null)
        {
            throw new AggregateException($"{typeof(TEvent).Name} was not handled by every module: {string.Join(" ", failures.Select(f => f.Message))}", failures);
        }
    }
}
