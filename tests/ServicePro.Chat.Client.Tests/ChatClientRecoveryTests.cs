using ServicePro.Chat.Client.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Chat.Client.Tests;

/// <summary>
/// The .NET client recovering from a dropped connection against the real host; the ChatRecorder test module's
/// <c>DropReplyOf</c> aborts a connection right after the server handled a call, before its reply goes out.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatClientRecoveryTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task SendMessage_StoredButItsReplyLost_ResentWithTheOriginalIdAndStoredOnce()
    {
        await using var host = await StartAsync(ChatProtocol.Methods.SendMessage);
        try
        {
            await using var alice = ChatHost.CreateClient(host.BaseAddress, "alice");
            var states = new EventWaiter<ChatConnectionState>();
            alice.StateChanged += (_, s) => states.Add(s);
            await alice.StartAsync(TestContext.CancellationToken);
            var session = await alice.StartSessionAsync(null, TestContext.CancellationToken);

            var stored = await alice.SendMessageAsync(session.SessionId, "Ответ потерян, 回信丢了 📨", cancellationToken: TestContext.CancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken);

            // The first attempt's reply really was lost (the host writes its log line on its own thread, so wait for it).
            await host.WaitForOutputAsync($"dropped the reply to {ChatProtocol.Methods.SendMessage}", TimeSpan.FromSeconds(60));
            CollectionAssert.AreEqual(
                new[] { ChatConnectionState.Connected, ChatConnectionState.Reconnecting, ChatConnectionState.Connected },
                states.Values.ToArray(),
                "SignalR's automatic reconnect brought the connection back");
            var entries = await alice.GetEntriesAsync(session.SessionId, 0, TestContext.CancellationToken);
            var messages = entries.Where(e => e.Kind == TranscriptLineKind.Message).ToList();
            Assert.HasCount(1, messages, "the resend carried the first attempt's id, so the server returned what it had stored");
            Assert.AreEqual(stored, messages[0]);
            Assert.AreEqual(0, alice.PendingCount);
        }
        catch (TimeoutException ex)
        {
            throw new AssertFailedException($"Timed out; host output:\n{host.Output}", ex);
        }
    }

    [TestMethod]
    public async Task EntryReceived_MessagesSentWhileTheClientWasAway_EachDeliveredOnceInOrder()
    {
        await using var host = await StartAsync(ChatProtocol.Methods.GetMySessions);
        try
        {
            await using var alice = ChatHost.CreateClient(host.BaseAddress, "alice");
            var mayReconnect = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var beforeConnect = Task.CompletedTask;
            await using var bob = ChatHost.CreateClient(host.BaseAddress, "bob", () => beforeConnect);
            var states = new EventWaiter<ChatConnectionState>();
            bob.StateChanged += (_, s) => states.Add(s);
            var invitations = new EventWaiter<ChatInvitationDto>();
            bob.InvitationReceived += (_, i) => invitations.Add(i);
            var entries = new EventWaiter<ChatEntryDto>();
            bob.EntryReceived += (_, e) => entries.Add(e);
            await alice.StartAsync(TestContext.CancellationToken);
            await bob.StartAsync(TestContext.CancellationToken);
            var session = await alice.StartSessionAsync(null, TestContext.CancellationToken);
            await alice.InviteAsync(session.SessionId, ["bob"], TestContext.CancellationToken);
            await bob.AcceptInvitationAsync((await invitations.AnyAsync(i => i.SessionId == session.SessionId)).InvitationId, TestContext.CancellationToken);
            await bob.GetEntriesAsync(session.SessionId, 0, TestContext.CancellationToken);
            await alice.SendMessageAsync(session.SessionId, "До обрыва", cancellationToken: TestContext.CancellationToken);
            await entries.AnyAsync(e => e.Text == "До обрыва");

            // Bounded, so that a failing test still ends (disposing waits for a reconnect attempt under way).
            beforeConnect = mayReconnect.Task.WaitAsync(TimeSpan.FromSeconds(90), TestContext.CancellationToken);
            var reconnecting = states.NextAsync(s => s == ChatConnectionState.Reconnecting);
            await Assert.ThrowsAsync<Exception>(() => bob.GetMySessionsAsync(TestContext.CancellationToken), "the reply is lost with the connection");
            await reconnecting;
            string[] missed = ["Пропущено: раз", "错过了：二", "missed three 🛰️"];
            foreach (var text in missed)
            {
                await alice.SendMessageAsync(session.SessionId, text, cancellationToken: TestContext.CancellationToken);
            }

            Assert.IsFalse(entries.Values.Any(e => missed.Contains(e.Text)), "sent while bob's client was away");
            var connected = states.NextAsync(s => s == ChatConnectionState.Connected, TimeSpan.FromSeconds(60));
            mayReconnect.SetResult();
            await connected;
            await entries.AnyAsync(e => e.Text == missed[^1], TimeSpan.FromSeconds(60));
            await alice.SendMessageAsync(session.SessionId, "После — 之后", cancellationToken: TestContext.CancellationToken);
            await entries.AnyAsync(e => e.Text == "После — 之后");

            var messages = entries.Values.Where(e => e.Kind == TranscriptLineKind.Message).ToList();
            CollectionAssert.AreEqual(
                (string[])["До обрыва", .. missed, "После — 之后"],
                messages.Select(e => e.Text).ToArray(),
                "each message once, the missed ones caught up in order");
            CollectionAssert.AreEqual(messages.Select(e => e.Sequence).Order().ToArray(), messages.Select(e => e.Sequence).ToArray());
        }
        catch (TimeoutException ex)
        {
            throw new AssertFailedException($"Timed out; host output:\n{host.Output}", ex);
        }
    }

    [TestMethod]
    public async Task InvitationReceived_InvitedWhileTheClientWasReconnecting_RaisedOnceItIsBack()
    {
        await using var host = await StartAsync(ChatProtocol.Methods.GetMySessions);
        try
        {
            // Bob's other tab keeps him online (invitable) while the client under test is away.
            await using var bobsOtherTab = ChatHost.CreateClient(host.BaseAddress, "bob");
            var otherTabInvitations = new EventWaiter<ChatInvitationDto>();
            bobsOtherTab.InvitationReceived += (_, i) => otherTabInvitations.Add(i);
            await bobsOtherTab.StartAsync(TestContext.CancellationToken);
            await using var alice = ChatHost.CreateClient(host.BaseAddress, "alice");
            await alice.StartAsync(TestContext.CancellationToken);
            var mayReconnect = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var beforeConnect = Task.CompletedTask;

            // Every (re)connect asks for a token first: holding it keeps the client away until the test says.
            await using var bob = ChatHost.CreateClient(host.BaseAddress, "bob", () => beforeConnect);
            var states = new EventWaiter<ChatConnectionState>();
            bob.StateChanged += (_, s) => states.Add(s);
            var invitations = new EventWaiter<ChatInvitationDto>();
            bob.InvitationReceived += (_, i) => invitations.Add(i);
            await bob.StartAsync(TestContext.CancellationToken);
            var before = await alice.StartSessionAsync(null, TestContext.CancellationToken);
            await alice.InviteAsync(before.SessionId, ["bob"], TestContext.CancellationToken);
            await invitations.AnyAsync(i => i.SessionId == before.SessionId);
            // Bounded, so that a failing test still ends (disposing waits for a reconnect attempt under way).
            beforeConnect = mayReconnect.Task.WaitAsync(TimeSpan.FromSeconds(90), TestContext.CancellationToken);
            var reconnecting = states.AnyAsync(s => s == ChatConnectionState.Reconnecting);

            await Assert.ThrowsAsync<Exception>(() => bob.GetMySessionsAsync(TestContext.CancellationToken), "the reply is lost with the connection");
            await reconnecting;
            var session = await alice.StartSessionAsync(null, TestContext.CancellationToken);
            await alice.InviteAsync(session.SessionId, ["bob"], TestContext.CancellationToken);
            var live = await otherTabInvitations.AnyAsync(i => i.SessionId == session.SessionId);
            Assert.IsFalse(invitations.Values.Any(i => i.SessionId == session.SessionId), "sent while the client was away");
            var connected = states.NextAsync(s => s == ChatConnectionState.Connected, TimeSpan.FromSeconds(60));
            mayReconnect.SetResult();

            var refetched = await invitations.AnyAsync(i => i.SessionId == session.SessionId, TimeSpan.FromSeconds(60));
            await connected;

            Assert.AreEqual(live.InvitationId, refetched.InvitationId);
            Assert.AreEqual("alice", refetched.InvitedBy);
            Assert.AreEqual(ChatConnectionState.Connected, bob.State);
            Assert.AreEqual(1, invitations.Values.Count(i => i.SessionId == before.SessionId), "the invitation raised before the drop, still pending, is not raised again");
        }
        catch (TimeoutException ex)
        {
            throw new AssertFailedException($"Timed out; host output:\n{host.Output}", ex);
        }
    }

    [TestMethod]
    public async Task Reconnect_ConnectedButTheFirstCallRefused_RetriesTheCallAndIsConnectedAgain()
    {
        // The reconnect's start succeeds, but its first call (GetPresence, the second of the host's life) is refused
        // while the connection stays up: the client must retry the call, not start a connection that is already up.
        await using var host = await StartAsync(
            ChatProtocol.Methods.GetMySessions,
            new Dictionary<string, string> { ["Modules:chatrecorder:RefuseSecondCallOf"] = ChatProtocol.Methods.GetPresence });
        try
        {
            await using var bob = ChatHost.CreateClient(host.BaseAddress, "bob");
            var states = new EventWaiter<ChatConnectionState>();
            bob.StateChanged += (_, s) => states.Add(s);
            await bob.StartAsync(TestContext.CancellationToken);
            var connectedAgain = states.NextAsync(s => s == ChatConnectionState.Connected, TimeSpan.FromSeconds(60));
            await Assert.ThrowsAsync<Exception>(() => bob.GetMySessionsAsync(TestContext.CancellationToken), "the reply is lost with the connection");

            await connectedAgain;

            CollectionAssert.AreEqual(
                new[] { ChatConnectionState.Connected, ChatConnectionState.Reconnecting, ChatConnectionState.Connected },
                states.Values.ToArray(),
                "Reconnecting until the retried call answered");
            // The reconnect's first call really was refused (the host's log line comes on its own thread).
            await host.WaitForOutputAsync($"refused the second call of {ChatProtocol.Methods.GetPresence}", TimeSpan.FromSeconds(60));
            var sessions = await bob.GetMySessionsAsync(TestContext.CancellationToken);
            Assert.IsEmpty(sessions, "the connection works again");
        }
        catch (TimeoutException ex)
        {
            throw new AssertFailedException($"Timed out; host output:\n{host.Output}", ex);
        }
    }

    private Task<HostProcess> StartAsync(string dropReplyOf, IDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string> { ["Modules:chatrecorder:DropReplyOf"] = dropReplyOf };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return ChatHost.StartAsync(settings, TestContext.CancellationToken);
    }
}
