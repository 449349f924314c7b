using Microsoft.EntityFrameworkCore;
using Moq;
using ServicePro.Contracts.Chat;
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
}
