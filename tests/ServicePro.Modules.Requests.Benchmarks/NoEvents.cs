using ServicePro.Contracts.Events;

namespace ServicePro.Modules.Requests.Benchmarks;

/// <summary>The list queries publish nothing.</summary>
internal sealed class NoEvents : IEventAggregator
{
    public Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : notnull => Task.CompletedTask;

    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : notnull => new Nothing();

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
