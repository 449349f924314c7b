using System.Threading.Channels;
using ServicePro.Contracts.Events;

namespace ServicePro.Host.Events;

/// <summary>
/// UI notifications: each subscriber has a bounded queue of its own, drained by its own loop, so that publishing
/// only queues. A subscriber that hangs or throws (a circuit that is gone) delays and fails no one else; its
/// failures are logged under its event type, and its oldest events are dropped if it falls
/// <see cref="QueueCapacity"/> behind. An <see cref="IClusterEvent"/> also goes to the other hosts of the deployment
/// (<see cref="ClusterEventRelay"/>), whose subscribers get it as if it had been published there.
/// </summary>
public sealed class EventAggregator : IEventAggregator, IDisposable
{
    /// <summary>How many events may wait for one subscriber before the oldest are dropped.</summary>
    public const int QueueCapacity = 100;

    private readonly Lock _gate = new();
    private readonly List<ISubscription> _subscriptions = [];
    private readonly ILogger _logger;
    private readonly ClusterEventRelay? _relay;

    public EventAggregator(ILogger<EventAggregator> logger, ClusterEventRelay? relay = null)
    {
        _logger = logger;
        _relay = relay;
        if (relay is not null)
        {
            relay.Deliver = PublishHere;
        }
    }

    private interface ISubscription : IDisposable
    {
        Type EventType { get; }

        void Post(object @event);
    }

    public void Publish<TEvent>(TEvent @event)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event is IClusterEvent)
        {
            _relay?.Send(typeof(TEvent), @event);
        }

        PublishHere(typeof(TEvent), @event);
    }

    private void PublishHere(Type eventType, object @event)
    {
        ISubscription[] subscribers;
        lock (_gate)
        {
            subscribers = _subscriptions.Where(s => s.EventType == eventType).ToArray();
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Post(@event);
        }
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (typeof(TEvent).IsAssignableTo(typeof(IClusterEvent)))
        {
            _relay?.Know(typeof(TEvent));
        }

        var subscription = new Subscription<TEvent>(handler, this);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        subscription.Start();
        return subscription;
    }

    /// <summary>Ends every subscription when the host stops.</summary>
    public void Dispose()
    {
        ISubscription[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscriptions];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Dispose();
        }
    }

    private void Remove(ISubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private sealed class Subscription<TEvent> : ISubscription
        where TEvent : notnull
    {
        private readonly Func<TEvent, CancellationToken, Task> _handler;
        private readonly EventAggregator _owner;
        private readonly Channel<TEvent> _queue;
        private readonly CancellationTokenSource _ended = new();
        private int _disposed;

        public Subscription(Func<TEvent, CancellationToken, Task> handler, EventAggregator owner)
        {
            _handler = handler;
            _owner = owner;
            _queue = Channel.CreateBounded<TEvent>(
                new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest },
                _ => owner._logger.LogWarning("A subscriber of {Event} is {Capacity} events behind; the oldest was dropped", typeof(TEvent).Name, QueueCapacity));
        }

        public Type EventType => typeof(TEvent);

        public void Post(object @event) => _queue.Writer.TryWrite((TEvent)@event);

        // On the thread pool, never on the subscriber's or the publisher's call: a handler that blocks before its
        // first await holds only its own loop.
        public void Start() => _ = Task.Run(DrainAsync);

        public void Dispose()
        {
            _owner.Remove(this);

            // Cancel before completing the queue: completing first lets the drain loop end and dispose the token source
            // before it is cancelled (an ObjectDisposedException in the unsubscriber).
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _ended.Cancel();
                _queue.Writer.TryComplete();
            }
        }

        private async Task DrainAsync()
        {
            var token = _ended.Token;
            try
            {
                await foreach (var @event in _queue.Reader.ReadAllAsync(token))
                {
                    try
                    {
                        await _handler(@event, token);
                    }
                    catch (OperationCanceledException) when (token.IsCancellationRequested)
                    {
                        break;
                    }
                    catch (Exception ex)
                    {
                        _owner._logger.LogError(ex, "A subscriber failed to handle {Event}; it stays subscribed", typeof(TEvent).Name);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Unsubscribed: what was still queued is dropped.
            }
            finally
            {
                _ended.Dispose();
            }
        }
    }
}
