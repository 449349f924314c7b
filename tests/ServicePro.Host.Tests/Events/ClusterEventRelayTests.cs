using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePro.Contracts.Cluster;
using ServicePro.Contracts.Events;
using ServicePro.Host.Events;

namespace ServicePro.Host.Tests.Events;

/// <summary>
/// Two hosts' aggregators joined by an in-memory bus: an <see cref="IClusterEvent"/> published on one reaches the other's
/// subscribers; any other notification stays on its host.
/// </summary>
[TestClass]
public sealed class ClusterEventRelayTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public TestContext TestContext { get; set; } = null!;

    public sealed record ActivityAddedEvent(int RequestNumber, string Title) : IClusterEvent;

    public sealed record LocalOnlyEvent(int RequestNumber);

    [TestMethod]
    public async Task Publish_ClusterEventOnHostA_SubscriberOnHostBGetsItAndHostAsOwnToo()
    {
        await using var hosts = await TwoHosts.StartAsync();
        var onB = Channel.CreateUnbounded<ActivityAddedEvent>();
        var onA = Channel.CreateUnbounded<ActivityAddedEvent>();
        using var b = hosts.B.Subscribe<ActivityAddedEvent>((e, _) => onB.Writer.WriteAsync(e).AsTask());
        using var a = hosts.A.Subscribe<ActivityAddedEvent>((e, _) => onA.Writer.WriteAsync(e).AsTask());

        hosts.A.Publish(new ActivityAddedEvent(42, "Принтер 打印机 🖨️"));

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        bounded.CancelAfter(Bound);
        Assert.AreEqual(new ActivityAddedEvent(42, "Принтер 打印机 🖨️"), await onB.Reader.ReadAsync(bounded.Token));
        Assert.AreEqual(new ActivityAddedEvent(42, "Принтер 打印机 🖨️"), await onA.Reader.ReadAsync(bounded.Token));
        Assert.AreEqual(1, hosts.Bus.Sent, "sent to the other host once");
        Assert.IsFalse(onA.Reader.TryRead(out _), "host A got its own event once, not back from host B");
    }

    [TestMethod]
    public async Task Publish_OrdinaryNotification_StaysOnItsHost()
    {
        await using var hosts = await TwoHosts.StartAsync();
        var onB = Channel.CreateUnbounded<LocalOnlyEvent>();
        using var b = hosts.B.Subscribe<LocalOnlyEvent>((e, _) => onB.Writer.WriteAsync(e).AsTask());

        hosts.A.Publish(new LocalOnlyEvent(7));
        hosts.A.Publish(new ActivityAddedEvent(8, "marker"));

        // The cluster event after it has been relayed, so the ordinary one had every chance to be relayed first.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        bounded.CancelAfter(Bound);
        await hosts.Bus.WaitForSentAsync(1, bounded.Token);
        Assert.AreEqual(1, hosts.Bus.Sent);
        Assert.IsFalse(onB.Reader.TryRead(out _));
    }

    /// <summary>Two hosts, each an aggregator with its relay, on one in-memory bus that hands a message to the other host only.</summary>
    private sealed class TwoHosts : IAsyncDisposable
    {
        private readonly ClusterEventRelay _relayA;
        private readonly ClusterEventRelay _relayB;

        private TwoHosts(PairBus bus)
        {
            Bus = bus;
            _relayA = new ClusterEventRelay(bus.For("a"), NullLogger<ClusterEventRelay>.Instance);
            _relayB = new ClusterEventRelay(bus.For("b"), NullLogger<ClusterEventRelay>.Instance);
            A = new EventAggregator(NullLogger<EventAggregator>.Instance, _relayA);
            B = new EventAggregator(NullLogger<EventAggregator>.Instance, _relayB);
        }

        public PairBus Bus { get; }

        public EventAggregator A { get; }

        public EventAggregator B { get; }

        public static async Task<TwoHosts> StartAsync()
        {
            var hosts = new TwoHosts(new PairBus());
            await hosts._relayA.StartAsync(CancellationToken.None);
            await hosts._relayB.StartAsync(CancellationToken.None);
            await hosts.Bus.BothSubscribed.Task;
            return hosts;
        }

        public async ValueTask DisposeAsync()
        {
            await _relayA.StopAsync(CancellationToken.None);
            await _relayB.StopAsync(CancellationToken.None);
            A.Dispose();
            B.Dispose();
        }
    }

    private sealed class PairBus
    {
        private readonly Dictionary<string, Func<ReadOnlyMemory<byte>, Task>> _handlers = [];
        private readonly Lock _gate = new();
        private readonly Channel<bool> _sent = Channel.CreateUnbounded<bool>();
        private int _count;

        public TaskCompletionSource BothSubscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Sent => Volatile.Read(ref _count);

        public IClusterBus For(string hostId) => new Side(this, hostId);

        public async Task WaitForSentAsync(int count, CancellationToken cancellationToken)
        {
            for (var seen = 0; seen < count; seen++)
            {
                await _sent.Reader.ReadAsync(cancellationToken);
            }
        }

        private sealed class Side(PairBus owner, string hostId) : IClusterBus
        {
            public string HostId { get; } = hostId;

            public async Task PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken ct = default)
            {
                Func<ReadOnlyMemory<byte>, Task>? other;
                lock (owner._gate)
                {
                    other = owner._handlers.GetValueOrDefault(HostId == "a" ? "b" : "a");
                }

                Interlocked.Increment(ref owner._count);
                if (other is not null)
                {
                    await other(message.ToArray());
                }

                owner._sent.Writer.TryWrite(true);
            }

            public Task<IAsyncDisposable> SubscribeAsync(string channel, Func<ReadOnlyMemory<byte>, Task> handler, CancellationToken ct = default)
            {
                lock (owner._gate)
                {
                    owner._handlers[HostId] = handler;
                    if (owner._handlers.Count == 2)
                    {
                        owner.BothSubscribed.TrySetResult();
                    }
                }

                return Task.FromResult<IAsyncDisposable>(new Nothing());
            }
        }

        private sealed class Nothing : IAsyncDisposable
        {
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
