using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Integration;

/// <summary>
/// Two hosts of one deployment (one PostgreSQL database, one Redis): housekeeping and outbox dispatch done by exactly one of them (and taken over when it is
/// killed), sequence numbers and resends safe when reps on both hosts write to one session.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class ChatWorkAcrossHostsTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Invitation_TwoHosts_ExpiredOnceByTheLeaseHolderThenByTheOtherAfterTheHolderIsKilled()
    {
        await using var hosts = await TwoHosts.StartAsync(TestContext.CancellationToken, TwoHosts.ShortInvitationExpiry);
        var (holder, other) = await hosts.HolderOfAsync(ChatHousekeeping.LeaseName);

        // Bob is on both hosts: every expiry reaches both his connections (the backplane), so two would show twice on each.
        await using var alice = await ChatHostFixture.ConnectAsync(other, "alice");
        await using var bobAtHolder = await ChatHostFixture.ConnectAsync(holder, "bob");
        await using var bobAtOther = await ChatHostFixture.ConnectAsync(other, "bob");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        var first = (await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "bob" })).Single();
        await bobAtHolder.WaitForAsync<ChatInvitationDto>(i => i.InvitationId == first.InvitationId && i.Status == InvitationStatus.Expired);

        await holder.KillAsync(TestContext.CancellationToken);
        var second = (await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "bob" })).Single();
        await bobAtOther.WaitForAsync<ChatInvitationDto>(i => i.InvitationId == second.InvitationId && i.Status == InvitationStatus.Expired);

        // The other host took over (its log line comes on its own thread, and may follow the expiry bob heard).
        await other.WaitForOutputAsync($"now holds lease {ChatHousekeeping.LeaseName}", TimeSpan.FromSeconds(30));
        Assert.AreEqual(1, ExpiredCount(bobAtHolder, first.InvitationId), "the first invitation expired once, by the holder");
        Assert.AreEqual(1, ExpiredCount(bobAtOther, first.InvitationId), "…and bob's connection on the other host heard it once too");
        Assert.AreEqual(1, ExpiredCount(bobAtOther, second.InvitationId), "the second expired once, by the host that took over");
        var dialog = await alice.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, session.SessionId, 0L);
        Assert.HasCount(1, dialog, "the dialog has its start only: an expiry adds no entry, and nothing ran twice");
    }

    [TestMethod]
    public async Task Outbox_EventsWrittenOnEitherHost_DispatchedOnceByTheHolderThenByTheOtherAfterTheHolderIsKilled()
    {
        await using var hosts = await TwoHosts.StartAsync(TestContext.CancellationToken);
        var (holder, other) = await hosts.HolderOfAsync(OutboxDispatcher.LeaseName);

        // Written on the host that does not dispatch: its commit wakes only its own dispatcher, which may not act.
        var first = await EndASessionAsync(other, "Привет, 世界 👋");
        await holder.WaitForOutputAsync($"session {first} dispatched", TimeSpan.FromSeconds(30));

        // The holder dies; an event written now stays pending until its lease runs out and the other host takes over.
        await holder.KillAsync(TestContext.CancellationToken);
        var second = await EndASessionAsync(other, "after the kill");
        await other.WaitForOutputAsync($"session {second} dispatched", TimeSpan.FromSeconds(30));

        Assert.HasCount(1, await hosts.DeliveriesAsync(first), "dispatched once, by the holder only");
        var delivered = await hosts.DeliveriesAsync(second);
        Assert.HasCount(1, delivered, "dispatched once, after the takeover");
        Assert.IsTrue(delivered[0].Transcript.Any(l => l.Text == "after the kill"));
        Assert.DoesNotContain($"session {first} dispatched", other.Output, "the first event was not dispatched again by the host that took over");
    }

    [TestMethod]
    public async Task SendMessage_TwoRepsOnTwoHostsAtOnce_SequencesGaplessAndEveryAcknowledgementAsStored()
    {
        await using var hosts = await TwoHosts.StartAsync(TestContext.CancellationToken);
        await using var alice = await ChatHostFixture.ConnectAsync(hosts.A, "alice");
        await using var bobAtA = await ChatHostFixture.ConnectAsync(hosts.A, "bob"); // online where alice invites him
        await using var bob = await ChatHostFixture.ConnectAsync(hosts.B, "bob");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        var invitation = (await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "bob" })).Single();
        await bob.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, invitation.InvitationId);
        const int PerRep = 150;
        string[] texts = ["Привет", "你好，世界", "👋🏽 ok", "plain"];

        var sends = Enumerable.Range(0, PerRep).SelectMany(i => new[]
        {
            alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), $"alice {i} {texts[i % texts.Length]}")),
            bob.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), $"bob {i} {texts[i % texts.Length]}")),
        }).ToList();
        var acks = await Task.WhenAll(sends);

        var stored = await alice.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, session.SessionId, 0L);
        CollectionAssert.AreEqual(Enumerable.Range(1, stored.Count).Select(i => (long)i).ToArray(), stored.Select(e => e.Sequence).ToArray(), "1..N, no gap, no duplicate");
        Assert.AreEqual(2 * PerRep, stored.Count(e => e.Kind == TranscriptLineKind.Message));
        var bySequence = stored.ToDictionary(e => e.Sequence);
        foreach (var ack in acks)
        {
            Assert.AreEqual(ack, bySequence[ack.Sequence], "the acknowledgement is what is stored under its sequence");
        }

        Assert.AreEqual(acks.Length, acks.Select(a => a.Sequence).Distinct().Count());
    }

    [TestMethod]
    public async Task SendMessage_ResentToTheOtherHost_ReturnsTheFirstResultAndIsStoredOnce()
    {
        await using var hosts = await TwoHosts.StartAsync(TestContext.CancellationToken);
        await using var aliceAtA = await ChatHostFixture.ConnectAsync(hosts.A, "alice");
        await using var aliceAtB = await ChatHostFixture.ConnectAsync(hosts.B, "alice");
        var session = await aliceAtA.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        var resent = new SendMessageRequest(session.SessionId, Guid.NewGuid(), "Доставлено? 届いた？ 📨");
        var twice = new SendMessageRequest(session.SessionId, Guid.NewGuid(), "both at once 🤝");

        var first = await aliceAtA.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, resent);
        var again = await aliceAtB.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, resent);
        var atOnce = await Task.WhenAll(
            aliceAtA.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, twice),
            aliceAtB.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, twice));

        Assert.AreEqual(first, again, "host B returns host A's result");
        Assert.AreEqual(atOnce[0], atOnce[1], "sent to both at the same moment: one result");
        var stored = await aliceAtB.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, session.SessionId, 0L);
        Assert.AreEqual(1, stored.Count(e => e.ClientMessageId == resent.ClientMessageId));
        Assert.AreEqual(1, stored.Count(e => e.ClientMessageId == twice.ClientMessageId));
        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, stored.Select(e => e.Sequence).ToArray());
    }

    /// <summary>Alice starts a session on <paramref name="host"/>, says <paramref name="text"/> and leaves, which ends it.</summary>
    private static async Task<Guid> EndASessionAsync(HostProcess host, string text)
    {
        await using var alice = await ChatHostFixture.ConnectAsync(host, "alice");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), text));
        Assert.IsNotNull(await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId));
        return session.SessionId;
    }

    private static int ExpiredCount(TestChatConnection connection, Guid invitationId) =>
        connection.Received.Count(r => r.Payload is ChatInvitationDto i && i.InvitationId == invitationId && i.Status == InvitationStatus.Expired);
}
