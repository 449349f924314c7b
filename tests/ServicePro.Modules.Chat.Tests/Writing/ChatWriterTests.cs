using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Diagnostics;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Tests.Writing;

[TestClass]
public sealed class ChatWriterTests
{
    /// <summary>
    /// A queued write shares its batch's transaction with others: its caller going away (a hub connection aborted, a
    /// circuit closed) must neither undo it nor anyone else's write in that batch.
    /// </summary>
    [TestMethod]
    public async Task Accept_CallerCancelsWhileQueued_StillStoredAndTheBatchsOtherWritesToo()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = await chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = chat.Writer.ExecuteAsync(ChatWriteMode.Alone, async _ =>
        {
            await hold.Task;
            return true;
        });
        using var caller = new CancellationTokenSource();

        var accept = chat.App.Answer.AcceptAsync(new("bob"), invitation.InvitationId, caller.Token);
        var message = chat.App.Send.HandleAsync(new("alice"), new(session.SessionId, Guid.NewGuid(), "Здравствуй, 世界 🌍"));
        await caller.CancelAsync();
        hold.SetResult();

        var joined = await accept;
        await message;
        await held;
        CollectionAssert.AreEquivalent(new[] { "alice", "bob" }, joined.Attendees.ToArray());
        await using var db = chat.Databases.Create();
        Assert.IsTrue(await db.Entries.AnyAsync(e => e.SessionId == session.SessionId && e.Text == "Здравствуй, 世界 🌍"));
    }

    /// <summary>Overload: once the queue is full, a sender is told at once, nothing of hers is stored, and what was queued is.</summary>
    [TestMethod]
    public async Task SendMessage_QueueFull_RefusedAtOnceAsBusyAndTheQueuedOnesAreStored()
    {
        await using var chat = await ChatHarness.StartAsync(new ChatOptions { MaxQueuedWrites = 2 });
        var session = await chat.App.Start.HandleAsync(new("alice"), null);
        var (hold, held) = await chat.Writer.HoldAsync();

        var first = chat.App.Send.HandleAsync(new("alice"), new(session.SessionId, Guid.NewGuid(), "один"));
        var second = chat.App.Send.HandleAsync(new("alice"), new(session.SessionId, Guid.NewGuid(), "二"));
        var third = chat.App.Send.HandleAsync(new("alice"), new(session.SessionId, Guid.NewGuid(), "three 🚦"));
        var refusedAtOnce = third.IsFaulted;
        hold.SetResult();
        await held;

        Assert.IsTrue(refusedAtOnce, "refused while the writer is still busy, not after waiting for it");
        var refused = await Assert.ThrowsExactlyAsync<ChatException>(() => third);
        Assert.AreEqual(ChatConstants.Errors.Busy, refused.Code);
        Assert.AreEqual("один", (await first).Text);
        Assert.AreEqual("二", (await second).Text);
        await using var db = chat.Databases.Create();
        Assert.IsFalse(await db.Entries.AnyAsync(e => e.Text == "three 🚦"), "a refused message is not stored");
    }

    /// <summary>
    /// Overload in time: the queue is full when its oldest write has waited longer than MaxQueueWait. A burst of 100
    /// writes that have not waited is taken whole; a short queue is taken however long it has waited (one slow commit
    /// refuses nobody); past both, the next sender is told at once that chat is busy, well before MaxQueuedWrites, and
    /// everything queued is stored.
    /// </summary>
    [TestMethod]
    public async Task SendMessage_OldestQueuedWriteWaitedLongerThanMaxQueueWait_RefusedAtOnceAsBusyAndTheQueuedOnesAreStored()
    {
        await using var chat = await ChatHarness.StartAsync(new ChatOptions { MaxQueueWait = TimeSpan.FromMilliseconds(250) });
        var session = await chat.App.Start.HandleAsync(new("alice"), null);
        Task<ChatEntryDto> Send(string text) => chat.App.Send.HandleAsync(new("alice"), new(session.SessionId, Guid.NewGuid(), text));

        var (hold, held) = await chat.Writer.HoldAsync();
        var burst = Enumerable.Range(1, 100).Select(i => Send($"Всплеск {i} 突发 💥")).ToList();
        Assert.IsFalse(burst.Any(m => m.IsCompleted), "a burst that has not waited is taken whole");
        hold.SetResult();
        await held;
        Assert.HasCount(100, await Task.WhenAll(burst));

        (hold, held) = await chat.Writer.HoldAsync();
        var queued = Enumerable.Range(1, 10).Select(i => Send($"Сообщение {i} 消息 📨")).ToList();
        chat.Time.Advance(TimeSpan.FromMilliseconds(300));
        queued.AddRange(Enumerable.Range(11, ChatWriteAdmission.AlwaysTaken - 10).Select(i => Send($"Сообщение {i} 消息 📨")));
        var shortQueueTaken = queued.All(m => !m.IsCompleted);
        var tooMany = Send("one too many 🚦");
        var refusedAtOnce = tooMany.IsFaulted;
        hold.SetResult();
        await held;

        Assert.IsTrue(shortQueueTaken, "64 waiting writes are taken, however long the oldest has waited");
        Assert.IsTrue(refusedAtOnce, "refused while the writer is still busy, not after waiting for it");
        Assert.AreEqual(ChatConstants.Errors.Busy, (await Assert.ThrowsExactlyAsync<ChatException>(() => tooMany)).Code);
        var stored = await Task.WhenAll(queued);
        CollectionAssert.AreEqual(Enumerable.Range(1, ChatWriteAdmission.AlwaysTaken).Select(i => $"Сообщение {i} 消息 📨").ToArray(), stored.Select(m => m.Text).ToArray());
        await using var db = chat.Databases.Create();
        Assert.IsFalse(await db.Entries.AnyAsync(e => e.Text == "one too many 🚦"), "a refused message is not stored");

        // The backlog gone, the same sender is taken again.
        Assert.AreEqual("again 🔁", (await Send("again 🔁")).Text);
    }

    /// <summary>
    /// A resend of a message stored earlier fails its batch (the unique index refuses the optimistic insert). The batch
    /// runs again in halves: the others are stored in the order they were sent, with a handful of commits rather than
    /// one each (64 here), and the resend gets the first result, stored once.
    /// </summary>
    [TestMethod]
    public async Task SendMessage_ResendAmong63NewOnesInOneBatch_RunAgainInHalves_AllStoredInOrderWithFewCommits()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = await chat.App.Start.HandleAsync(new("alice"), null);
        var first = await chat.App.Send.HandleAsync(new("alice"), new(session.SessionId, Guid.NewGuid(), "Первое 第一 🥇"));
        var (hold, held) = await chat.Writer.HoldAsync();
        var before = chat.Commands.Commits;

        var sends = Enumerable.Range(0, 64).Select(i => i == 40
            ? chat.App.Send.HandleAsync(new("alice"), new(session.SessionId, first.ClientMessageId!.Value, "Первое 第一 🥇"))
            : chat.App.Send.HandleAsync(new("alice"), new(session.SessionId, Guid.NewGuid(), $"Новое {i} 新 ✉️"))).ToList();
        hold.SetResult();
        await held;
        var stored = await Task.WhenAll(sends);
        var commits = chat.Commands.Commits - before;

        Assert.AreEqual(first, stored[40], "the resend gets the first result");
        var others = stored.Where((_, i) => i != 40).ToList();
        CollectionAssert.AreEqual(Enumerable.Range(0, 64).Where(i => i != 40).Select(i => $"Новое {i} 新 ✉️").ToArray(), others.Select(m => m.Text).ToArray());
        CollectionAssert.AreEqual(Enumerable.Range((int)first.Sequence + 1, 63).Select(n => (long)n).ToArray(), others.Select(m => m.Sequence).ToArray(), "stored in the order sent");
        Assert.IsLessThanOrEqualTo(1 + (2 * 6) + 1, commits, $"the held write's commit, about 2·log₂(64) for the halves and the careful one; one per write would be 64 (was {commits})");
        await using var db = chat.Databases.Create();
        Assert.AreEqual(1, await db.Entries.CountAsync(e => e.ClientMessageId == first.ClientMessageId));
    }

    /// <summary>A batch reads its sessions and their attendees once for all its messages, not twice per message.</summary>
    [TestMethod]
    public async Task SendMessage_TenSessionsInOneBatch_SessionsAndAttendeesReadInOneQueryEach()
    {
        await using var chat = await ChatHarness.StartAsync();
        var sessions = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            sessions.Add((await chat.App.Start.HandleAsync(new("alice"), null)).SessionId);
        }

        var (hold, held) = await chat.Writer.HoldAsync();
        var sends = sessions.Select((id, i) => chat.App.Send.HandleAsync(new("alice"), new(id, Guid.NewGuid(), $"Привет {i}, 你好 👋"))).ToList();
        var before = chat.Commands.Commands.Count;
        hold.SetResult();
        await held;

        var entries = await Task.WhenAll(sends);
        var batch = chat.Commands.Commands.Skip(before).ToList();

        Assert.IsTrue(entries.All(e => e.Sequence == 2), "each message follows its session's start entry");
        Assert.AreEqual(1, batch.Count(c => c.Contains("FROM \"ChatSessions\"", StringComparison.Ordinal)), string.Join("\n---\n", batch));
        Assert.AreEqual(1, batch.Count(c => c.Contains("FROM \"ChatAttendees\"", StringComparison.Ordinal)), string.Join("\n---\n", batch));
    }

    /// <summary>
    /// A dashboard scraped while a batch runs sees neither its writes' queue waits nor the batch: the two are recorded
    /// together when it is over, so "one queue wait per write" holds at every scrape.
    /// </summary>
    [TestMethod]
    public async Task Metrics_ScrapedWhileABatchRuns_NeitherItsQueueWaitsNorItsSizeYet_BothOnceItIsOver()
    {
        await using var chat = await ChatHarness.StartAsync();
        using var meters = new TestMeterFactory();
        var metrics = new ChatMetrics(meters, new Mock<IServiceProvider>().Object);
        long waits = 0, written = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meters.Created))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
        {
            if (instrument.Name == "servicepro.chat.write.queue.duration")
            {
                Interlocked.Increment(ref waits);
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, size, _, _) =>
        {
            if (instrument.Name == "servicepro.chat.write.batch.size")
            {
                Interlocked.Add(ref written, size);
            }
        });
        listener.Start();
        using var writer = new ChatWriter(chat.Databases, chat.Time, Options.Create(chat.Options), NullLogger<ChatWriter>.Instance, metrics);
        await writer.StartAsync(CancellationToken.None);
        var (hold, held) = await writer.HoldAsync();

        var whileRunning = (Interlocked.Read(ref waits), Interlocked.Read(ref written));
        hold.SetResult();
        await held;
        await writer.StopAsync(CancellationToken.None);

        Assert.AreEqual((0L, 0L), whileRunning);
        Assert.AreEqual((1L, 1L), (Interlocked.Read(ref waits), Interlocked.Read(ref written)));
    }
}
