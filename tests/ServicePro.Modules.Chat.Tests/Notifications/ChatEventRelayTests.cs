using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Tests.Support;

namespace ServicePro.Modules.Chat.Tests.Notifications;

[TestClass]
public sealed class ChatEventRelayTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Dictionary<string, PresenceTracker> _presences = [];

    [TestMethod]
    public async Task ToUsers_OffTheRecordBetweenRepsOnOtherHosts_PublishedOnlyToTheHostsOfThoseTwo()
    {
        var (relay, bus, _) = Relay("B");
        var presence = Presence(relay);
        Report(presence, "A", "alice");
        Report(presence, "C", "carol");
        Report(presence, "D", "bob");
        var entry = Entry("Только для Боба 🤫", offTheRecordWith: "bob");

        await relay.ToUsersAsync(["alice", "bob"], new EntryAddedEvent(entry));

        CollectionAssert.AreEquivalent(new[] { ChatChannels.ShellsOn("A"), ChatChannels.ShellsOn("D") }, bus.Published.Select(p => p.Channel).ToArray());
        Assert.IsFalse(bus.Published.Any(p => p.Channel == ChatChannels.ShellsOn("C")), "carol's host must never receive the text");
    }

    [TestMethod]
    public async Task ToUsers_RepsConnectedOnlyHere_NothingLeavesThisHost()
    {
        var (relay, bus, _) = Relay("B");
        Report(Presence(relay), "C", "carol");

        await relay.ToUsersAsync(["alice", "bob"], new EntryAddedEvent(Entry("hello")));

        Assert.IsEmpty(bus.Published);
    }

    [TestMethod]
    public async Task Receive_EventForTwoReps_OnlyTheirShellsOnThisHostGetItInOrder()
    {
        var (sender, senderBus, _) = Relay("A");
        Report(Presence(sender), "B", "alice", "carol");
        var (receiver, receiverBus, subscribers) = Relay("B");
        await receiver.StartAsync(CancellationToken.None);
        var alice = new Mock<IChatClient>();
        var carol = new Mock<IChatClient>();
        var received = new List<string>();
        alice.Setup(r => r.EntryAdded(It.IsAny<ChatEntryDto>())).Callback<ChatEntryDto>(e => received.Add(e.Text)).Returns(Task.CompletedTask);
        using var a = subscribers.Subscribe("alice", alice.Object);
        using var c = subscribers.Subscribe("carol", carol.Object);

        await sender.ToUsersAsync(["alice", "bob"], new EntryAddedEvent(Entry("Привет 👋")));
        await sender.ToUsersAsync(["alice", "bob"], new EntryAddedEvent(Entry("你好 🌏")));
        foreach (var (channel, message) in senderBus.Published)
        {
            await receiverBus.DeliverAsync(channel, message);
        }

        CollectionAssert.AreEqual(new[] { "Привет 👋", "你好 🌏" }, received);
        carol.Verify(r => r.EntryAdded(It.IsAny<ChatEntryDto>()), Times.Never);
        StringAssert.Contains(Encoding.UTF8.GetString(senderBus.Published[0].Message), "\"type\":\"entryAdded\"");
    }

    private (ChatEventRelay Relay, RecordingClusterBus Bus, ChatSubscribers Subscribers) Relay(string hostId)
    {
        var bus = new RecordingClusterBus(hostId);
        var subscribers = new ChatSubscribers();
        var presence = new PresenceTracker(_clock, hostId, TimeSpan.FromSeconds(15));
        _presences[hostId] = presence;
        var relay = new ChatEventRelay(bus, presence, new ShellDelivery(subscribers, NullLogger.Instance), NullLogger<ChatEventRelay>.Instance);
        return (relay, bus, subscribers);
    }

    private PresenceTracker Presence(ChatEventRelay relay) => _presences[relay.HostId];

    /// <summary>Another host's snapshot: these reps are connected there.</summary>
    private static void Report(PresenceTracker presence, string hostId, params string[] users) =>
        presence.Apply(new PresenceMessage(PresenceMessage.Snapshot, hostId, 0, [.. users.Select(u => new RepPresence(u, true, PresenceStatus.Available, DateTimeOffset.MinValue))]));

    private static ChatEntryDto Entry(string text, string? offTheRecordWith = null) =>
        new(Guid.NewGuid(), 2, TranscriptLineKind.Message, "alice", text, DateTimeOffset.UnixEpoch, Guid.NewGuid(), offTheRecordWith);
}
