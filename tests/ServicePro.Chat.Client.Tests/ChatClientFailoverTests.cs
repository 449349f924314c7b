using ServicePro.Chat.Client.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Chat.Client.Tests;

/// <summary>
/// The .NET client behind a load balancer (<see cref="TcpBalancer"/>) in front of two real hosts of one deployment (one
/// PostgreSQL database, one Redis): alice's client is on host A through the balancer, bob's on host B. Host A is killed
/// while alice sends; bob's chat goes on, alice's reconnect lands on host B, catches up and resends.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatClientFailoverTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task SendMessage_HostKilledWhileAliceSends_BobGoesOnAliceReconnectsToTheOtherHostNothingLostOrDoubled()
    {
        var deployment = await ScaleOutSettings.SharedAsync(TestContext.CancellationToken);

        // Host A stores alice's last message and loses its reply with the connection, then the test kills it.
        await using var hostA = await ChatHost.StartAsync(deployment.With(new Dictionary<string, string> { ["Modules:chatrecorder:DropReplyOf"] = ChatProtocol.Methods.SendMessage, ["Modules:chatrecorder:DropReplyOfCall"] = "4" }), TestContext.CancellationToken);
        await using var hostB = await ChatHost.StartAsync(deployment.With(), TestContext.CancellationToken);
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
            await using var bob = ChatHost.CreateClient(hostB.BaseAddress, "bob");
            var bobStates = new EventWaiter<ChatConnectionState>();
            bob.StateChanged += (_, s) => bobStates.Add(s);
            var bobEntries = new EventWaiter<ChatEntryDto>();
            bob.EntryReceived += (_, e) => bobEntries.Add(e);
            var invitations = new EventWaiter<ChatInvitationDto>();
            bob.InvitationReceived += (_, i) => invitations.Add(i);
            await alice.StartAsync(TestContext.CancellationToken);
            await bob.StartAsync(TestContext.CancellationToken);
            var session = await alice.StartSessionAsync(null, TestContext.CancellationToken);
            await alice.InviteAsync(session.SessionId, ["bob"], TestContext.CancellationToken);
            await bob.AcceptInvitationAsync((await invitations.AnyAsync(i => i.SessionId == session.SessionId)).InvitationId, TestContext.CancellationToken);

            // Acknowledged by host A, and seen live by bob on host B (the backplane).
            string[] beforeKill = ["Первое с A", "第二条来自 A", "third from A ✅"];
            foreach (var text in beforeKill)
            {
                await alice.SendMessageAsync(session.SessionId, text, cancellationToken: TestContext.CancellationToken);
            }

            await bobEntries.AnyAsync(e => e.Text == beforeKill[^1], Timeout);

            // Alice's reconnect waits (bounded, so that a failing test still ends) until bob has written on host B.
            beforeConnect = mayReconnect.Task.WaitAsync(TimeSpan.FromSeconds(90), TestContext.CancellationToken);
            var aliceAway = aliceStates.NextAsync(s => s == ChatConnectionState.Reconnecting, Timeout);
            const string inFlight = "Отправлено на A, 发送到 A 📤";
            var sending = alice.SendMessageAsync(session.SessionId, inFlight, cancellationToken: TestContext.CancellationToken);
            await aliceAway;
            // Host A writes that it dropped the reply on its own thread: the client can see its connection go first.
            await hostA.WaitForOutputAsync($"dropped the reply to {ChatProtocol.Methods.SendMessage}", Timeout);
            Assert.IsFalse(sending.IsCompleted, "not acknowledged when host A dies");

            await hostA.KillAsync(TestContext.CancellationToken);

            // Bob's chat goes on, on host B, while alice is away.
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
            const string afterwards = "Снова здесь, 回来了 👋";
            await alice.SendMessageAsync(session.SessionId, afterwards, cancellationToken: TestContext.CancellationToken);
            await bobEntries.AnyAsync(e => e.Text == afterwards, Timeout);

            Assert.IsTrue(hostA.HasExited, "everything after the kill came from host B");
            Assert.AreEqual(0, bobStates.Values.Count(s => s == ChatConnectionState.Reconnecting), "bob, on host B, never lost his connection");
            var entries = await alice.GetEntriesAsync(session.SessionId, 0, TestContext.CancellationToken);
            CollectionAssert.AreEqual(Enumerable.Range(1, entries.Count).Select(i => (long)i).ToArray(), entries.Select(e => e.Sequence).ToArray(), "sequences gapless");
            string[] all = [.. beforeKill, inFlight, .. whileAway, afterwards];
            var messages = entries.Where(e => e.Kind == TranscriptLineKind.Message).ToList();
            CollectionAssert.AreEqual(all, messages.Select(m => m.Text).ToArray(), "every acknowledged message once: host B answered the resend with what host A had stored");
            Assert.AreEqual(messages[beforeKill.Length], acknowledged, "the acknowledgement is the entry host A stored");
            CollectionAssert.AreEqual(all, aliceEntries.Values.Where(e => e.Kind == TranscriptLineKind.Message).Select(e => e.Text).ToArray(), "alice's client raised each message once, in order, catching up on host B");
            CollectionAssert.AreEqual(all, bobEntries.Values.Where(e => e.Kind == TranscriptLineKind.Message).Select(e => e.Text).ToArray(), "bob's client raised each message once, in order");
            Assert.AreEqual(0, alice.PendingCount);
            Assert.AreEqual(ChatConnectionState.Connected, alice.State);
        }
        catch (Exception ex) when (ex is TimeoutException or AssertFailedException)
        {
            throw new AssertFailedException($"{ex.Message}\n{ex.StackTrace}\nHost A:\n{hostA.Output}\nHost B:\n{hostB.Output}", ex);
        }
    }
}
