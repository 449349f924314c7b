using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Integration;

/// <summary>
/// Two real hosts of one deployment (one PostgreSQL database, one Redis) with hub clients of different reps on each: what one
/// host does reaches the other's connections live, through the SignalR backplane and the shared presence.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatTwoHostsTests
{
    private static readonly TimeSpan HostTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    private static ScaleOutSettings s_deployment = null!;
    private static HostProcess s_hostA = null!;
    private static HostProcess s_hostB = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartHosts(TestContext context)
    {
        s_deployment = await ScaleOutSettings.SharedAsync(context.CancellationToken);
        (s_hostA, s_hostB) = await StartPairAsync(s_deployment, context.CancellationToken);
    }

    [ClassCleanup]
    public static async Task StopHosts()
    {
        await s_hostA.DisposeAsync();
        await s_hostB.DisposeAsync();
    }

    [TestMethod]
    public async Task Session_RepsOnTwoHosts_InviteAcceptAndMessagesBothWaysArriveLiveAndOnce()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(s_hostA, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(s_hostB, "bob");
        await SeenOnlineAsync(alice, "bob");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);

        await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "bob" });
        var invitation = await bob.WaitForAsync<ChatInvitationDto>(i => i.SessionId == session.SessionId && i.Status == InvitationStatus.Pending);
        await bob.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, invitation.InvitationId);
        await alice.WaitForAsync<ChatEntryDto>(e => e.SessionId == session.SessionId && e.Kind == TranscriptLineKind.Joined && e.Author == "bob");
        await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "Привет, Боб! 👋", null));
        var fromAlice = await bob.WaitForAsync<ChatEntryDto>(e => e.SessionId == session.SessionId && e.Text == "Привет, Боб! 👋");
        await bob.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "你好，爱丽丝 🌏", null));
        var fromBob = await alice.WaitForAsync<ChatEntryDto>(e => e.SessionId == session.SessionId && e.Text == "你好，爱丽丝 🌏");
        await bob.WaitForAsync<ChatEntryDto>(e => e.SessionId == session.SessionId && e.Text == "你好，爱丽丝 🌏");

        // At the documented limit (UTF-16 units; an emoji is two), across the backplane.
        var longest = string.Concat(Enumerable.Repeat("Я字😀", ChatConstants.MaxMessageLength / 4));
        await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), longest, null));
        await bob.WaitForAsync<ChatEntryDto>(e => e.SessionId == session.SessionId && e.Text == longest);

        Assert.AreEqual("alice", fromAlice.Author);
        Assert.AreEqual("bob", fromBob.Author);
        Assert.IsGreaterThan(fromAlice.Sequence, fromBob.Sequence);
        Assert.AreEqual(1, bob.Received.Count(r => r.Payload is ChatEntryDto e && e.Text == "Привет, Боб! 👋"), "the backplane and the relay must not both deliver");
        Assert.AreEqual(1, alice.Received.Count(r => r.Payload is ChatEntryDto e && e.Text == "你好，爱丽丝 🌏"));
    }

    [TestMethod]
    public async Task OffTheRecord_ThirdRepOnTheSendersHost_NeverReachesHerConnection()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(s_hostA, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(s_hostB, "bob");
        await using var carol = await ChatHostFixture.ConnectAsync(s_hostA, "carol");
        await SeenOnlineAsync(alice, "bob");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "bob", "carol" });
        foreach (var invitee in new[] { bob, carol })
        {
            var invitation = await invitee.WaitForAsync<ChatInvitationDto>(i => i.SessionId == session.SessionId && i.Status == InvitationStatus.Pending);
            await invitee.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, invitation.InvitationId);
        }

        await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "Только для Боба 🤫", "bob"));
        await bob.WaitForAsync<ChatEntryDto>(e => e.Text == "Только для Боба 🤫" && e.OffTheRecordWith == "bob");
        await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "For everyone again", null));
        await carol.WaitForAsync<ChatEntryDto>(e => e.Text == "For everyone again");

        Assert.IsFalse(carol.Received.Any(r => r.Payload is ChatEntryDto e && e.Text.Contains("Боба", StringComparison.Ordinal)), "the Off the Record text reached carol");
        Assert.IsFalse(carol.Received.Any(r => r.Payload is OffTheRecordNotice), "carol was told of the Off the Record exchange");
    }

    [TestMethod]
    public async Task Presence_RepsOnTwoHosts_EachSeesTheOthersChosenStatus()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(s_hostA, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(s_hostB, "bob");
        await SeenOnlineAsync(alice, "bob");
        await SeenOnlineAsync(bob, "alice");

        await alice.Connection.InvokeAsync(ChatConstants.Methods.SetPresence, PresenceStatus.Busy);
        await bob.WaitForAsync<PresenceDto>(p => p == new PresenceDto("alice", PresenceStatus.Busy));
        var onB = await bob.Connection.InvokeAsync<IReadOnlyList<PresenceDto>>(ChatConstants.Methods.GetPresence);
        await alice.Connection.InvokeAsync(ChatConstants.Methods.SetPresence, PresenceStatus.Available);
        await bob.WaitForAsync<PresenceDto>(p => p == new PresenceDto("alice", PresenceStatus.Available));

        CollectionAssert.Contains(onB.ToList(), new PresenceDto("alice", PresenceStatus.Busy));
    }

    [TestMethod]
    public async Task KillHost_RepOnlyOnTheDeadHost_GoesOfflineOnTheOtherWithinTheTimeout()
    {
        var deployment = await ScaleOutSettings.SharedAsync(TestContext.CancellationToken);
        var (hostA, hostB) = await StartPairAsync(deployment, TestContext.CancellationToken);
        await using var _ = hostA;
        await using var __ = hostB;
        await using var alice = await ChatHostFixture.ConnectAsync(hostA, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(hostB, "bob");
        await SeenOnlineAsync(bob, "alice");

        var clock = Stopwatch.StartNew();
        await hostA.KillAsync(TestContext.CancellationToken);
        await bob.WaitForAsync<PresenceDto>(p => p == new PresenceDto("alice", PresenceStatus.Offline));
        var took = clock.Elapsed;
        var onB = await bob.Connection.InvokeAsync<IReadOnlyList<PresenceDto>>(ChatConstants.Methods.GetPresence);
        TestContext.WriteLine($"alice Offline on host B {took.TotalSeconds:0.0} s after host A was killed (host timeout {HostTimeout.TotalSeconds:0} s, heartbeat {Heartbeat.TotalSeconds:0} s)");

        Assert.IsLessThan(HostTimeout + Heartbeat + TimeSpan.FromSeconds(2), took, $"alice went Offline on B after {took}");
        Assert.IsFalse(onB.Any(p => p.UserName == "alice"));
    }

    private static async Task<(HostProcess A, HostProcess B)> StartPairAsync(ScaleOutSettings deployment, CancellationToken cancellationToken)
    {
        var settings = deployment.With(new Dictionary<string, string>
        {
            ["Modules:chat:PresenceHostTimeout"] = HostTimeout.ToString(),
            ["Modules:chat:PresenceHeartbeatInterval"] = Heartbeat.ToString(),
        });

        // One after the other: the first creates the shared database.
        var a = await ChatHostFixture.StartAsync(Path.Combine(deployment.Folder, "ended-a.jsonl"), settings, cancellationToken);
        var b = await ChatHostFixture.StartAsync(Path.Combine(deployment.Folder, "ended-b.jsonl"), settings, cancellationToken);
        return (a, b);
    }

    /// <summary>Waits until <paramref name="observer"/>'s host counts <paramref name="userName"/> as online.</summary>
    private static async Task SeenOnlineAsync(TestChatConnection observer, string userName)
    {
        var online = await observer.Connection.InvokeAsync<IReadOnlyList<PresenceDto>>(ChatConstants.Methods.GetPresence);
        if (!online.Any(p => p.UserName == userName))
        {
            await observer.WaitForAsync<PresenceDto>(p => p.UserName == userName && p.Status != PresenceStatus.Offline);
        }
    }
}
