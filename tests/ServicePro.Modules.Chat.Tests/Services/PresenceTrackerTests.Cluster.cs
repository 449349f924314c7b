using Microsoft.Extensions.Time.Testing;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Tests.Services;

/// <summary>Presence merged over several hosts: two or three trackers that hand each other what they publish.</summary>
public sealed partial class PresenceTrackerTests
{
    private static readonly TimeSpan HostTimeout = TimeSpan.FromSeconds(15);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [TestMethod]
    public void Apply_RepConnectedAndBusyOnAnotherHost_OnlineAndBusyHereToo()
    {
        var (a, b) = (Host("A"), Host("B"));
        a.Connected("alice", "tab-1");
        a.Set("alice", PresenceStatus.Busy);

        var changes = Pump(a, b);

        CollectionAssert.AreEqual(new[] { new PresenceDto("alice", PresenceStatus.Available), new PresenceDto("alice", PresenceStatus.Busy) }, changes.ToArray());
        Assert.AreEqual(PresenceStatus.Busy, b.StatusOf("alice"));
        Assert.IsNull(b.OfflineSince("alice"));
        CollectionAssert.AreEqual(new[] { new PresenceDto("alice", PresenceStatus.Busy) }, b.Online().ToArray());
    }

    [TestMethod]
    public void Set_OnTheOtherHost_TheLatestChoiceWinsEverywhere()
    {
        var (a, b) = (Host("A"), Host("B"));
        a.Connected("alice", "tab-1");
        b.Connected("alice", "tab-2");
        a.Set("alice", PresenceStatus.Busy);
        Pump(a, b);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var away = b.Set("alice", PresenceStatus.Away);
        var seenOnA = Pump(b, a);

        Assert.AreEqual(new PresenceDto("alice", PresenceStatus.Away), away);
        CollectionAssert.Contains(seenOnA.ToList(), new PresenceDto("alice", PresenceStatus.Away));
        Assert.AreEqual(PresenceStatus.Away, a.StatusOf("alice"));
    }

    [TestMethod]
    public void Disconnected_RepStillConnectedOnAnotherHost_StaysOnlineUntilHerLastConnectionAnywhere()
    {
        var (a, b) = (Host("A"), Host("B"));
        a.Connected("alice", "tab-1");
        b.Connected("alice", "tab-2");
        Pump(a, b);
        Pump(b, a);

        var closedOnB = b.Disconnected("alice", "tab-2");
        Pump(b, a);
        _clock.Advance(TimeSpan.FromSeconds(3));
        a.Disconnected("alice", "tab-1");
        var seenOnB = Pump(a, b);

        Assert.IsNull(closedOnB, "still connected on A");
        CollectionAssert.AreEqual(new[] { new PresenceDto("alice", PresenceStatus.Offline) }, seenOnB.ToArray());
        Assert.AreEqual(_clock.GetUtcNow(), b.OfflineSince("alice"), "the grace period counts from her last connection, on any host");
    }

    [TestMethod]
    public void Tick_HostSilentPastTheTimeout_ItsRepsGoOfflineSinceItWasLastHeard()
    {
        var (a, b) = (Host("A"), Host("B"));
        a.Connected("alice", "tab-1");
        Pump(a, b);
        var lastHeard = _clock.GetUtcNow();

        _clock.Advance(HostTimeout - TimeSpan.FromSeconds(1));
        var beforeTimeout = b.Tick();
        _clock.Advance(TimeSpan.FromSeconds(2));
        var afterTimeout = b.Tick();

        Assert.IsEmpty(beforeTimeout);
        CollectionAssert.AreEqual(new[] { new PresenceDto("alice", PresenceStatus.Offline) }, afterTimeout.ToArray());
        Assert.AreEqual(PresenceStatus.Offline, b.StatusOf("alice"));
        Assert.AreEqual(lastHeard, b.OfflineSince("alice"));
        Assert.IsEmpty(b.HostsOf(["alice"]));
    }

    [TestMethod]
    public void Tick_HostKeepsBeating_ItsRepsStayOnlinePastTheTimeout()
    {
        var (a, b) = (Host("A"), Host("B"));
        a.Connected("alice", "tab-1");
        Pump(a, b);

        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            a.Tick();
            Pump(a, b);
            Assert.IsEmpty(b.Tick());
        }

        Assert.AreEqual(PresenceStatus.Available, b.StatusOf("alice"));
    }

    [TestMethod]
    public void Tick_DeadHostsRepConnectedElsewhere_StaysOnline()
    {
        var (a, b, c) = (Host("A"), Host("B"), Host("C"));
        a.Connected("alice", "tab-1");
        c.Connected("alice", "tab-2");
        Pump(a, b);
        Pump(c, b);

        _clock.Advance(HostTimeout / 2);
        c.Tick();
        Pump(c, b);
        _clock.Advance(HostTimeout / 2 + TimeSpan.FromSeconds(1));

        Assert.IsEmpty(b.Tick(), "A is dead, C is not");
        Assert.AreEqual(PresenceStatus.Available, b.StatusOf("alice"));
        CollectionAssert.AreEqual(new[] { "C" }, b.HostsOf(["alice"]).ToArray());
    }

    [TestMethod]
    public void Apply_Bye_TheHostsRepsGoOfflineAtOnce()
    {
        var (a, b) = (Host("A"), Host("B"));
        a.Connected("alice", "tab-1");
        Pump(a, b);

        var changes = b.Apply(a.Leave());

        CollectionAssert.AreEqual(new[] { new PresenceDto("alice", PresenceStatus.Offline) }, changes.ToArray());
    }

    [TestMethod]
    public void HostsOf_RepsOnOtherHosts_NamesOnlyTheHostsWhereOneOfThemIsConnected()
    {
        var (a, b, c) = (Host("A"), Host("B"), Host("C"));
        a.Connected("alice", "tab-1");
        c.Connected("carol", "tab-1");
        b.Connected("bob", "tab-1");
        Pump(a, b);
        Pump(c, b);

        CollectionAssert.AreEqual(new[] { "A" }, b.HostsOf(["alice", "bob"]).ToArray(), "not C, where only carol is");
        Assert.IsEmpty(b.HostsOf(["bob"]), "bob is on B itself");
    }

    [TestMethod]
    public void Apply_ChangeAfterAMissedOne_AsksThatHostForItsSnapshotAndCatchesUp()
    {
        var (a, b) = (Host("A"), Host("B"));
        Pump(a, b);
        Drain(b);
        a.Connected("alice", "tab-1");
        Drain(a); // lost on the way
        a.Connected("bob", "tab-1");

        Pump(a, b);
        var asked = Drain(b);
        foreach (var message in asked)
        {
            a.Apply(message);
        }

        Pump(a, b);

        Assert.IsTrue(asked.Any(m => m is { Kind: PresenceMessage.Hello, Target: "A" }), "B asks A for its snapshot");
        Assert.AreEqual(PresenceStatus.Available, b.StatusOf("alice"));
        Assert.AreEqual(PresenceStatus.Available, b.StatusOf("bob"));
    }

    [TestMethod]
    public void Join_HostStartsLate_GetsTheOthersSnapshots()
    {
        var a = Host("A");
        a.Connected("alice", "tab-1");
        a.Set("alice", PresenceStatus.Away);
        Drain(a); // published before B existed

        var b = Host("B");
        foreach (var message in Drain(b))
        {
            a.Apply(message);
        }

        Pump(a, b);

        Assert.AreEqual(PresenceStatus.Away, b.StatusOf("alice"));
    }

    private PresenceTracker Host(string id)
    {
        var tracker = new PresenceTracker(_clock, id, HostTimeout);
        tracker.Join();
        return tracker;
    }

    private static List<PresenceMessage> Drain(PresenceTracker tracker)
    {
        var messages = new List<PresenceMessage>();
        while (tracker.Outgoing.TryRead(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>Hands what <paramref name="from"/> published to <paramref name="to"/>; the changes <paramref name="to"/> saw.</summary>
    private static List<PresenceDto> Pump(PresenceTracker from, PresenceTracker to) =>
        [.. Drain(from).SelectMany(to.Apply)];
}
