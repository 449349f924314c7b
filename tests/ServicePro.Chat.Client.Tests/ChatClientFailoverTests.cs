using ServicePro.Chat.Client.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Chat.Client.Tests;

/// <summary>
/// The .NET client behind a load balancer (<see cref="TcpBalancer"/>) in front of two real hosts on one SQLite file:
/// when the host it is on dies, its reconnect lands on the other. Without Redis a host's notifications stay on that
/// host, so only what each client itself gets after reconnecting is asserted: its catch-up and its resend's answer.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatClientFailoverTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task SendMessage_FirstHostKilledBeforeItsAcknowledgement_ReconnectsToTheSecondCatchesUpAndIsStoredOnce()
    {
        var shared = Directory.CreateTempSubdirectory("servicepro-failover-").FullName;
        try
        {
            await FailOverAsync(shared);
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }

    private async Task FailOverAsync(string shared)
    {
        var bothHosts = new Dictionary<string, string>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(shared, "shared.db")}",

            // Host B has never seen alice, the originator, until she reconnects: its grace period must not end her session first.
            ["Modules:chat:OriginatorGracePeriod"] = "00:10:00",
        };

        // Host A stores alice's first message and loses its reply with the connection, then the test kills it.
        await using var hostA = await ChatHost.StartAsync(new Dictionary<string, string>(bothHosts) { ["Modules:chatrecorder:DropReplyOf"] = ChatProtocol.Methods.SendMessage }, TestContext.CancellationToken);
        await using var hostB = await ChatHost.StartAsync(bothHosts, TestContext.CancellationToken);
        await using var balancer = new TcpBalancer([hostA.BaseAddress.Port, hostB.BaseAddress.Port]);
        try
        {
            var mayReconnect = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var beforeConnect = Task.CompletedTask;
            await using var alice = ChatHost.CreateClient(balancer.BaseAddress, "alice", () => beforeConnect);
            var aliceStates = new EventWaiter<ChatConnectionState>();
            alice.StateChanged += (_, s) => aliceStates.Add(s);
            var aliceEntries = new EventWaiter<ChatEntryDto>();
            alice.EntryReceived += (_, e) => aliceEntries.Add(e);
            await using var bob = ChatHost.CreateClient(balancer.BaseAddress, "bob");
            var bobStates = new EventWaiter<ChatConnectionState>();
            bob.StateChanged += (_, s) => bobStates.Add(s);
            var invitations = new EventWaiter<ChatInvitationDto>();
            bob.InvitationReceived += (_, i) => invitations.Add(i);
            await alice.StartAsync(TestContext.CancellationToken);
            await bob.StartAsync(TestContext.CancellationToken);
            var session = await alice.StartSessionAsync(null, TestContext.CancellationToken);
            await alice.InviteAsync(session.SessionId, ["bob"], TestContext.CancellationToken);
            await bob.AcceptInvitationAsync((await invitations.AnyAsync(i => i.SessionId == session.SessionId)).InvitationId, TestContext.CancellationToken);

            // Alice's reconnect waits (bounded, so that a failing test still ends) until bob has written on host B.
            beforeConnect = mayReconnect.Task.WaitAsync(TimeSpan.FromSeconds(90), TestContext.CancellationToken);
            var aliceAway = aliceStates.NextAsync(s => s == ChatConnectionState.Reconnecting, Timeout);
            var bobAway = bobStates.NextAsync(s => s == ChatConnectionState.Reconnecting, Timeout);
            var bobBack = bobStates.NextAsync(s => s == ChatConnectionState.Connected, Timeout);
            const string aliceText = "Отправлено на A, 发送到 A 📤";
            var sending = alice.SendMessageAsync(session.SessionId, aliceText, cancellationToken: TestContext.CancellationToken);
            await aliceAway;
            StringAssert.Contains(hostA.Output, $"dropped the reply to {ChatProtocol.Methods.SendMessage}", "host A stored the message and lost its reply");
            Assert.IsFalse(sending.IsCompleted, "not acknowledged when host A dies");

            await hostA.KillAsync(TestContext.CancellationToken);
            await bobAway;
            await bobBack;
            string[] whileAway = ["Пока тебя не было", "你不在的时候", "while you were away 🛰️"];
            foreach (var text in whileAway)
            {
                await bob.SendMessageAsync(session.SessionId, text, cancellationToken: TestContext.CancellationToken);
            }

            var aliceBack = aliceStates.NextAsync(s => s == ChatConnectionState.Connected, Timeout);
            mayReconnect.SetResult();
            var acknowledged = await sending.WaitAsync(Timeout, TestContext.CancellationToken);
            await aliceBack;
            await aliceEntries.AnyAsync(e => e.Text == whileAway[^1], Timeout);

            Assert.IsTrue(hostA.HasExited, "everything after the kill came from host B");
            var entries = await alice.GetEntriesAsync(session.SessionId, 0, TestContext.CancellationToken);
            CollectionAssert.AreEqual(Enumerable.Range(1, entries.Count).Select(i => (long)i).ToArray(), entries.Select(e => e.Sequence).ToArray(), "sequences gapless");
            var messages = entries.Where(e => e.Kind == TranscriptLineKind.Message).ToList();
            CollectionAssert.AreEqual((string[])[aliceText, .. whileAway], messages.Select(m => m.Text).ToArray(), "every acknowledged message once: host B answered the resend with what host A had stored");
            Assert.AreEqual(messages[0], acknowledged, "the acknowledgement is the entry host A stored");
            CollectionAssert.AreEqual(
                (string[])[aliceText, .. whileAway],
                aliceEntries.Values.Where(e => e.Kind == TranscriptLineKind.Message).Select(e => e.Text).ToArray(),
                "alice's client raised each message once, in order, catching up on host B");
            Assert.AreEqual(0, alice.PendingCount);
            Assert.AreEqual(ChatConnectionState.Connected, alice.State);
        }
        catch (Exception ex) when (ex is TimeoutException or AssertFailedException)
        {
            throw new AssertFailedException($"{ex.Message}\nHost A:\n{hostA.Output}\nHost B:\n{hostB.Output}", ex);
        }
    }
}
