using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Moq;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Modules;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Tests.Support;

namespace ServicePro.Modules.Chat.Tests.Services;

[TestClass]
public sealed class OutboxDispatcherTests
{
    [TestMethod]
    public async Task DispatchPending_HandlerFailsOnce_StaysPendingThenIsPublishedAndDeleted()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = await chat.App.Start.HandleAsync(new("alice"), null);
        await chat.App.Leave.HandleAsync(new("alice"), session.SessionId);
        chat.Events.SetupSequence(e => e.PublishAsync(It.IsAny<ChatSessionEndedEvent>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AggregateException(new InvalidOperationException("Requests is down")))
            .Returns(Task.CompletedTask);

        var failedFirst = await chat.Outbox.DispatchPendingAsync(CancellationToken.None);
        int attemptsKept;
        await using (var db = chat.Databases.Create())
        {
            attemptsKept = (await db.Outbox.SingleAsync()).Attempts;
        }

        var failedThen = await chat.Outbox.DispatchPendingAsync(CancellationToken.None);
        bool rowLeft;
        await using (var db = chat.Databases.Create())
        {
            rowLeft = await db.Outbox.AnyAsync();
        }

        var failedAfter = await chat.Outbox.DispatchPendingAsync(CancellationToken.None);

        Assert.AreEqual(1, failedFirst);
        Assert.AreEqual(1, attemptsKept, "a failed dispatch keeps the row, counting the attempt");
        Assert.AreEqual(0, failedThen);
        Assert.AreEqual(0, failedAfter);
        chat.Events.Verify(e => e.PublishAsync(It.Is<ChatSessionEndedEvent>(x => x.SessionId == session.SessionId), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.IsFalse(rowLeft, "the dispatch that succeeds deletes the row (a whole transcript)");
    }

    [TestMethod]
    public async Task DispatchPending_RowsAnEarlierVersionMarkedDispatched_DeletedAndNotDeliveredAgain()
    {
        await using var chat = await ChatHarness.StartAsync();
        await using (var db = chat.Databases.Create())
        {
            db.Outbox.Add(new ChatOutboxRecord { SessionId = Guid.NewGuid(), Payload = "{}", CreatedAt = chat.Time.GetUtcNow(), DispatchedAt = chat.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var failed = await chat.Outbox.DispatchPendingAsync(CancellationToken.None);

        Assert.AreEqual(0, failed);
        chat.Events.Verify(e => e.PublishAsync(It.IsAny<ChatSessionEndedEvent>(), It.IsAny<CancellationToken>()), Times.Never);
        await using var after = chat.Databases.Create();
        Assert.IsFalse(await after.Outbox.AnyAsync());
    }

    [TestMethod]
    public async Task Run_SessionEnds_EventIsPublishedOnceAfterCommit()
    {
        await using var chat = await ChatHarness.StartAsync();
        var published = new TaskCompletionSource<ChatSessionEndedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        chat.Events.Setup(e => e.PublishAsync(It.IsAny<ChatSessionEndedEvent>(), It.IsAny<CancellationToken>()))
            .Callback((ChatSessionEndedEvent e, CancellationToken _) => published.TrySetResult(e))
            .Returns(Task.CompletedTask);
        await chat.Outbox.StartAsync(CancellationToken.None);
        var session = await chat.App.Start.HandleAsync(new("alice"), null);

        await chat.App.Leave.HandleAsync(new("alice"), session.SessionId);

        var ended = await published.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await chat.Outbox.StopAsync(CancellationToken.None);
        Assert.AreEqual(session.SessionId, ended.SessionId);
        Assert.AreEqual("alice", ended.Originator);
        chat.Events.Verify(e => e.PublishAsync(It.IsAny<ChatSessionEndedEvent>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestMethod]
    public async Task Run_IdlePolls_AskForTheLeaseEachTimeAndThrowNothing()
    {
        await using var chat = await ChatHarness.StartAsync();
        var asks = Channel.CreateUnbounded<bool>();
        chat.Leases.Setup(l => l.TryHoldAsync(OutboxDispatcher.LeaseName, chat.Options.LeaseDuration, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => asks.Writer.TryWrite(true) && false);

        // Only this dispatcher's flow carries the marker: other tests of this assembly run beside this one.
        var marker = new AsyncLocal<bool> { Value = true };
        var thrown = 0;
        void OnThrown(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (marker.Value && e.Exception is OperationCanceledException)
            {
                Interlocked.Increment(ref thrown);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += OnThrown;
        try
        {
            await chat.Outbox.StartAsync(CancellationToken.None);
            await asks.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            for (var poll = 1; poll <= 3; poll++)
            {
                // The poll's delay starts just after the ask: move the clock on until the next ask comes.
                var next = asks.Reader.ReadAsync().AsTask();
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (!next.IsCompleted && DateTime.UtcNow < deadline)
                {
                    chat.Time.Advance(chat.Options.OutboxPollInterval);
                    await Task.WhenAny(next, Task.Delay(50));
                }

                Assert.IsTrue(next.IsCompleted, $"poll {poll} asked for the lease");
            }
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= OnThrown;
        }

        Assert.AreEqual(0, thrown, "an idle poll throws nothing");
        await chat.Outbox.StopAsync(CancellationToken.None);
    }

    [TestMethod]
    public async Task Run_AnotherHostHoldsTheLease_DispatchesNothingUntilThisHostTakesItOver()
    {
        await using var chat = await ChatHarness.StartAsync();
        var held = false;
        var asked = 0;
        var askedAfterTheCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var askedWhileHolding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        chat.Leases.Setup(l => l.TryHoldAsync(OutboxDispatcher.LeaseName, chat.Options.LeaseDuration, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                if (Interlocked.Increment(ref asked) == 2)
                {
                    askedAfterTheCommit.TrySetResult();
                }

                if (held)
                {
                    askedWhileHolding.TrySetResult();
                }

                return held;
            });
        var published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        chat.Events.Setup(e => e.PublishAsync(It.IsAny<ChatSessionEndedEvent>(), It.IsAny<CancellationToken>()))
            .Callback(() => published.TrySetResult())
            .Returns(Task.CompletedTask);
        await chat.Outbox.StartAsync(CancellationToken.None);
        var session = await chat.App.Start.HandleAsync(new("alice"), null);

        await chat.App.Leave.HandleAsync(new("alice"), session.SessionId);
        await askedAfterTheCommit.Task.WaitAsync(TimeSpan.FromSeconds(10));
        chat.Events.Verify(e => e.PublishAsync(It.IsAny<ChatSessionEndedEvent>(), It.IsAny<CancellationToken>()), Times.Never, "the commit woke it, but another host dispatches");

        held = true;
        chat.Outbox.Signal(); // the next round (a poll, or here a wake-up) finds the lease held by this host
        await askedWhileHolding.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await published.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await chat.Outbox.StopAsync(CancellationToken.None);

        chat.Events.Verify(e => e.PublishAsync(It.Is<ChatSessionEndedEvent>(x => x.SessionId == session.SessionId), It.IsAny<CancellationToken>()), Times.Once);
        chat.Leases.Verify(l => l.ReleaseAsync(OutboxDispatcher.LeaseName, It.IsAny<CancellationToken>()), Times.Once, "a graceful stop gives the lease up");
    }

    [TestMethod]
    public async Task Run_EventWaitsForAModuleDisabledLive_KeptThenDispatchedAsSoonAsAModuleIsEnabled()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = await chat.App.Start.HandleAsync(new("alice"), 7);
        await chat.App.Leave.HandleAsync(new("alice"), session.SessionId);
        var deferred = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = 0;
        chat.Events.Setup(e => e.PublishAsync(It.IsAny<ChatSessionEndedEvent>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                if (Interlocked.Increment(ref attempts) == 1)
                {
                    deferred.TrySetResult();
                    return Task.FromException(new AggregateException(new EventDeferredException(["ChatSessionEndedHandler"])));
                }

                delivered.TrySetResult();
                return Task.CompletedTask;
            });
        Func<ModuleStateChangedEvent, CancellationToken, Task>? moduleChanged = null;
        var shell = new Mock<IEventAggregator>();
        shell.Setup(s => s.Subscribe(It.IsAny<Func<ModuleStateChangedEvent, CancellationToken, Task>>()))
            .Callback<Func<ModuleStateChangedEvent, CancellationToken, Task>>(h => moduleChanged = h)
            .Returns(Mock.Of<IDisposable>());
        var dispatcher = new OutboxDispatcher(
            chat.Databases, chat.Events.Object, chat.Leases.Object, chat.Time, Microsoft.Extensions.Options.Options.Create(chat.Options),
            NullLogger<OutboxDispatcher>.Instance, shellEvents: shell.Object);

        await dispatcher.StartAsync(CancellationToken.None);
        await deferred.Task.WaitAsync(TimeSpan.FromSeconds(10));
        bool keptWhileDisabled;
        await using (var db = chat.Databases.Create())
        {
            keptWhileDisabled = await db.Outbox.AnyAsync(o => o.SessionId == session.SessionId);
        }

        // The clock stands still: neither the retry's back-off nor the poll comes. Only the module's return wakes it.
        await moduleChanged!(new ModuleStateChangedEvent("requests", ModuleState.Enabled), CancellationToken.None);
        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.IsTrue(keptWhileDisabled, "the event waits in the outbox while the module that handles it is disabled");
        Assert.AreEqual(2, attempts);
    }
}
