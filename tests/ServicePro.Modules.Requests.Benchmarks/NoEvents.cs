using ServicePro.Contracts.Events;

namespace ServicePro.Modules.Requests.Benchmarks;

/// <summary>The list queries publish nothing.</summary>
internal sealed class NoEvents : IEventAggregator
{
    public void Publish<TEvent>(TEvent @event)
        where TEvent : notnull
    {
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : notnull => new Nothing();

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
