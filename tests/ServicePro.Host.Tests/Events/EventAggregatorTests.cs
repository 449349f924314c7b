using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Events;
using ServicePro.Host.Events;
using ServicePro.Host.Tests.Support;

namespace ServicePro.Host.Tests.Events;

/// <summary>
/// UI notifications: every subscriber gets its events in order on its own, and none of them can hold or fail the
/// publisher. Waits are bounded only so that a regression fails instead of hanging the run.
/// </summary>
[TestClass]
public sealed class EventAggregatorTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly ListLogger<EventAggregator> _log = new();
    private readonly ManualResetEventSlim _unblock = new();
    private EventAggregator _aggregator = null!;

    public sealed record SomethingHappenedEvent(string What);

    [TestInitialize]
    public void Create() => _aggregator = new EventAggregator(_log);

    [TestCleanup]
    public void Cleanup()
    {
        _unblock.Set();
        _aggregator.Dispose();
        _unblock.Dispose();
    }

    [TestMethod]
    public async Task Publish_EverySubscriberOfTheType_GetsEachEventInOrder()
    {
        var first = Collect(3, out var firstDone);
        var second = Collect(3, out var secondDone);

        foreach (var what in new[] { "Принтер", "打印机", "🖨️" })
        {
            _aggregator.Publish(new SomethingHappenedEvent(what));
        }

        await Task.WhenAll(firstDone, secondDone).WaitAsync(Bound);
        CollectionAssert.AreEqual(new[] { "Принтер", "打印机", "🖨️" }, first.ToArray());
        CollectionAssert.AreEqual(new[] { "Принтер", "打印机", "🖨️" }, second.ToArray());
    }

    [TestMethod]
    public async Task Publish_SubscriberBlocksItsThreadForever_PublishReturns_OthersStillTold()
    {
        using var blocking = _aggregator.Subscribe<SomethingHappenedEvent>((_, _) =>
        {
            _unblock.Wait(); // a handler that never yields its thread, until the test ends
            return Task.CompletedTask;
        });
        using var pending = _aggregator.Subscribe<SomethingHappenedEvent>((_, _) => new TaskCompletionSource().Task);
        var healthy = Collect(2, out var healthyDone);

        await Task.Run(() =>
        {
            _aggregator.Publish(new SomethingHappenedEvent("1"));
            _aggregator.Publish(new SomethingHappenedEvent("2"));
        }).WaitAsync(Bound);

        await healthyDone.WaitAsync(Bound);
        CollectionAssert.AreEqual(new[] { "1", "2" }, healthy.ToArray());
    }

    [TestMethod]
    public async Task Publish_SubscriberThrows_PublisherUnaffected_FailureLogged_SubscriberGetsTheNextEvent()
    {
        var calls = 0;
        var secondCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var broken = _aggregator.Subscribe<SomethingHappenedEvent>((_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new ObjectDisposedException("circuit");
            }

            secondCall.TrySetResult();
            return Task.CompletedTask;
        });

        _aggregator.Publish(new SomethingHappenedEvent("1"));
        _aggregator.Publish(new SomethingHappenedEvent("2"));

        await secondCall.Task.WaitAsync(Bound);
        Assert.IsTrue(_log.Entries.Any(e => e.Level == LogLevel.Error && e.Exception is ObjectDisposedException && e.Message.Contains(nameof(SomethingHappenedEvent), StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Subscribe_Disposed_HandlerInFlightIsCancelled_AndNotCalledAgain()
    {
        var calls = new ConcurrentQueue<string>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = _aggregator.Subscribe<SomethingHappenedEvent>(async (e, token) =>
        {
            calls.Enqueue(e.What);
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }
        });
        _aggregator.Publish(new SomethingHappenedEvent("1"));
        await started.Task.WaitAsync(Bound);

        subscription.Dispose();
        await cancelled.Task.WaitAsync(Bound);
        var later = Collect(1, out var laterDone);
        _aggregator.Publish(new SomethingHappenedEvent("2"));

        await laterDone.WaitAsync(Bound);
        CollectionAssert.AreEqual(new[] { "1" }, calls.ToArray());
        Assert.IsFalse(_log.Entries.Any(e => e.Level >= LogLevel.Warning), "unsubscribing is not a failure");
    }

    [TestMethod]
    public async Task Subscribe_OtherEventType_NotCalled()
    {
        var calls = 0;
        using var other = _aggregator.Subscribe<ModuleStateChangedEvent>((_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });
        var same = Collect(1, out var sameDone);

        _aggregator.Publish(new SomethingHappenedEvent("1"));

        await sameDone.WaitAsync(Bound);
        Assert.AreEqual(0, calls);
    }

    [TestMethod]
    public async Task Publish_SubscriberFarBehind_OldestDropped_NewestKept_Logged()
    {
        var received = new ConcurrentQueue<int>();
        var startedFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var last = EventAggregator.QueueCapacity + 10;
        var gotLast = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slow = _aggregator.Subscribe<int>(async (n, _) =>
        {
            received.Enqueue(n);
            if (n == 0)
            {
                startedFirst.TrySetResult();
                await release.Task;
            }

            if (n == last)
            {
                gotLast.TrySetResult();
            }
        });

        _aggregator.Publish(0);
        await startedFirst.Task.WaitAsync(Bound);
        for (var n = 1; n <= last; n++)
        {
            _aggregator.Publish(n);
        }

        release.SetResult();
        await gotLast.Task.WaitAsync(Bound);
        CollectionAssert.AreEqual(new[] { 0 }.Concat(Enumerable.Range(11, EventAggregator.QueueCapacity)).ToArray(), received.ToArray());
        Assert.IsTrue(_log.Entries.Any(e => e.Level == LogLevel.Warning));
    }

    private ConcurrentQueue<string> Collect(int count, out Task done)
    {
        var seen = new ConcurrentQueue<string>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Disposed with the aggregator in Cleanup.
        _ = _aggregator.Subscribe<SomethingHappenedEvent>((e, _) =>
        {
            seen.Enqueue(e.What);
            if (seen.Count == count)
            {
                all.TrySetResult();
            }

            return Task.CompletedTask;
        });
        done = all.Task;
        return seen;
    }
}
