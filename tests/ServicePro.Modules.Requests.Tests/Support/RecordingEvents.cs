using System.Collections.Concurrent;
using ServicePro.Contracts.Events;

namespace ServicePro.Modules.Requests.Tests.Support;

/// <summary>
/// An event aggregator that records what was published and hands it to live subscribers in order without awaiting
/// them, as the host's does (which queues each on its own): the publisher never waits.
/// </summary>
public sealed class RecordingEvents : IEventAggregator
{
    private readonly ConcurrentDictionary<Guid, (Type Type, Delegate Handler)> _subscribers = new();

    public ConcurrentQueue<object> Published { get; } = new();

    public void Publish<TEvent>(TEvent @event)
        where TEvent : notnull
    {
        Published.Enqueue(@event);
        foreach (var (type, handler) in _subscribers.Values)
        {
            if (type == typeof(TEvent))
            {
                _ = ((Func<TEvent, CancellationToken, Task>)handler)(@event, CancellationToken.None);
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
