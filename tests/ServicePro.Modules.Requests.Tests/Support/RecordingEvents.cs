using System.Collections.Concurrent;
using ServicePro.Contracts.Events;

namespace ServicePro.Modules.Requests.Tests.Support;

/// <summary>An event aggregator that delivers to live subscribers, as the host's does, and records what was published.</summary>
public sealed class RecordingEvents : IEventAggregator
{
    private readonly ConcurrentDictionary<Guid, (Type Type, Delegate Handler)> _subscribers = new();

    public ConcurrentQueue<object> Published { get; } = new();

    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        Published.Enqueue(@event);
        foreach (var (type, handler) in _subscribers.Values)
        {
            if (type == typeof(TEvent))
            {
                await ((Func<TEvent, CancellationToken, Task>)handler)(@event, cancellationToken);
            }
        }
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : notnull
    {
        var id = Guid.NewGuid();
        _subscribers[id] = (typeof(TEvent), handler);
        return new Unsubscriber(() => _subscribers.TryRemove(id, out _));
    }

    public int SubscribersOf<TEvent>() => _subscribers.Values.Count(s => s.Type == typeof(TEvent));

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
