using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Tests.Support;

namespace ServicePro.Modules.Chat.Tests.Services;

[TestClass]
public sealed class PresenceBroadcasterTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    [TestMethod]
    public async Task ConnectedAsync_TwiceAsManyRepsConnect_PresenceMessagesOnlyDouble()
    {
        // Before coalescing, N connects told every connected rep of every change: N(N+1)/2 messages (1,000 reps: ~500,000).
        var hundred = await PresenceMessagesWhenRepsConnectAsync(100);
        var twoHundred = await PresenceMessagesWhenRepsConnectAsync(200);

        Assert.AreEqual(100, hundred, "one batch to each of the 100 reps");
        Assert.AreEqual(2 * hundred, twoHundred, "twice the reps, twice the messages: linear, not quadratic");
    }

    [TestMethod]
    public async Task Post_ChangesWithinOneInterval_OneBatchWithTheLatestPerRep()
    {
        var clock = new FakeTimeProvider();
        var notifier = new RecordingNotifier();
        var broadcaster = new PresenceBroadcaster(notifier, Options.Create(new ChatOptions { PresenceBatchInterval = Interval }), clock, NullLogger<PresenceBroadcaster>.Instance);

        broadcaster.Post([new PresenceDto("алиса", PresenceStatus.Available)]);
        broadcaster.Post([new PresenceDto("王芳", PresenceStatus.Available), new PresenceDto("алиса", PresenceStatus.Busy)]);
        broadcaster.Post([new PresenceDto("王芳", PresenceStatus.Offline)]);
        var beforeTheInterval = notifier.Sent.Count;
        clock.Advance(Interval);
        var batch = await notifier.WaitForAsync(e => e.Name == nameof(IChatClient.PresenceBatch));

        Assert.AreEqual(0, beforeTheInterval, "nothing is told before the interval has passed");
        CollectionAssert.AreEqual(
            new[] { new PresenceDto("алиса", PresenceStatus.Busy), new PresenceDto("王芳", PresenceStatus.Offline) },
            ((IReadOnlyList<PresenceDto>)batch.Payload).ToArray());
        Assert.AreEqual(1, notifier.Sent.Count, "one message for all the changes");
    }

    /// <summary>N reps connect within one interval; each message to everyone here reaches every rep connected then.</summary>
    private static async Task<int> PresenceMessagesWhenRepsConnectAsync(int reps)
    {
        var tracker = new PresenceTracker(new FakeTimeProvider());
        var notifier = new CountingNotifier(tracker);
        // A clock that never moves: the interval never passes on its own, the test flushes.
        var broadcaster = new PresenceBroadcaster(notifier, Options.Create(new ChatOptions { PresenceBatchInterval = Interval }), new FakeTimeProvider(), NullLogger<PresenceBroadcaster>.Instance);
        var handler = new PresenceHandler(tracker, broadcaster);
        for (var i = 0; i < reps; i++)
        {
            await handler.ConnectedAsync(new ChatCaller($"rep{i:0000}"), $"connection-{i}");
        }

        // What the broadcaster's loop does once the interval has passed.
        var told = await broadcaster.FlushAsync();
        Assert.AreEqual(reps, told, "the batch carries every rep that came online");
        return notifier.Messages;
    }

    private sealed class CountingNotifier(PresenceTracker tracker) : IChatNotifier
    {
        public int Messages { get; private set; }

        public Task ToUsersAsync(IReadOnlyCollection<string> userNames, ChatEvent chatEvent) => throw new AssertFailedException("presence goes to everyone here");

        public Task ToEveryoneAsync(ChatEvent chatEvent) => throw new AssertFailedException("presence goes to everyone here");

        public Task ToEveryoneHereAsync(ChatEvent chatEvent)
        {
            Messages += tracker.Online().Count;
            return Task.CompletedTask;
        }
    }
}
