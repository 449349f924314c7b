using System.Net;
using ServicePro.Chat.Client.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Chat.Client.Tests;

/// <summary>The client library against the real host: a host restart under it, its first start, its sign-in and token.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatClientIntegrationTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task SendMessage_WhileTheHostRestarts_ReconnectsResendsOnceOtherRepCatchesUpAndChatTimeSurvives()
    {
        var settings = ChatHost.Settings();
        var host = await HostProcess.StartAsync(ChatHost.ModulesConfig, settings, TestContext.CancellationToken);
        try
        {
            var baseAddress = host.BaseAddress;
            await using var alice = ChatHost.CreateClient(baseAddress, "alice");
            await using var bob = ChatHost.CreateClient(baseAddress, "bob");
            var aliceStates = new EventWaiter<ChatConnectionState>();
            alice.StateChanged += (_, s) => aliceStates.Add(s);
            var bobInvitations = new EventWaiter<ChatInvitationDto>();
            bob.InvitationReceived += (_, i) => bobInvitations.Add(i);
            var bobEntries = new EventWaiter<ChatEntryDto>();
            bob.EntryReceived += (_, e) => bobEntries.Add(e);
            await alice.StartAsync(TestContext.CancellationToken);
            await bob.StartAsync(TestContext.CancellationToken);
            var session = await alice.StartSessionAsync(null, TestContext.CancellationToken);
            await alice.InviteAsync(session.SessionId, ["bob"], TestContext.CancellationToken);
            var invitation = await bobInvitations.AnyAsync(i => i.SessionId == session.SessionId);
            await bob.AcceptInvitationAsync(invitation.InvitationId, TestContext.CancellationToken);
            await bob.GetEntriesAsync(session.SessionId, 0, TestContext.CancellationToken);
            await alice.PauseChatTimeAsync(session.SessionId, TestContext.CancellationToken);
            await alice.SetChatTimeAsync(session.SessionId, TimeSpan.FromMinutes(90), TestContext.CancellationToken);

            var reconnecting = aliceStates.NextAsync(s => s == ChatConnectionState.Reconnecting);
            var connectedAgain = aliceStates.NextAsync(s => s == ChatConnectionState.Connected, TimeSpan.FromSeconds(60));
            settings["urls"] = baseAddress.GetLeftPart(UriPartial.Authority);
            var restart = host.RestartAsync(settings, TestContext.CancellationToken);
            await reconnecting;
            Assert.AreEqual(ChatConnectionState.Reconnecting, alice.State, "the client says it is reconnecting");
            var sending = alice.SendMessageAsync(session.SessionId, "Отправлено, пока сервер лежал; 服务器重启时发送 🔁", cancellationToken: TestContext.CancellationToken);
            Assert.AreEqual(1, alice.PendingCount, "kept until acknowledged");
            host = await restart;

            var stored = await sending.WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken);
            await connectedAgain;
            var atBob = await bobEntries.AnyAsync(e => e.ClientMessageId == stored.ClientMessageId, TimeSpan.FromSeconds(60));

            Assert.AreEqual(stored.Sequence, atBob.Sequence);
            Assert.AreEqual(7, stored.ClientMessageId!.Value.Version, "the client makes time-ordered ids, which the server's resend index stores at its end");
            Assert.AreEqual("Отправлено, пока сервер лежал; 服务器重启时发送 🔁", atBob.Text);
            Assert.AreEqual(0, alice.PendingCount);
            CollectionAssert.AreEqual(
                new[] { ChatConnectionState.Connected, ChatConnectionState.Reconnecting, ChatConnectionState.Connected },
                aliceStates.Values.ToArray(),
                "Reconnecting while the host was down, Connected once it answered again");
            var entries = await alice.GetEntriesAsync(session.SessionId, 0, TestContext.CancellationToken);
            Assert.AreEqual(1, entries.Count(e => e.ClientMessageId == stored.ClientMessageId), "resent, never duplicated");
            Assert.AreEqual(1, bobEntries.Values.Count(e => e.ClientMessageId == stored.ClientMessageId), "bob sees it once");
            var afterRestart = await bob.GetSessionAsync(session.SessionId, TestContext.CancellationToken);
            Assert.AreEqual(TimeSpan.FromMinutes(90), afterRestart.ChatTime.Value, "Chat Time survives a restart");
            Assert.IsFalse(afterRestart.ChatTime.IsRunning);
        }
        catch (TimeoutException ex)
        {
            throw new AssertFailedException($"Timed out; host output:\n{host.Output}", ex);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task SendMessage_Refused_ThrowsWithTheCodeAndKeepsNothingPending()
    {
        await using var host = await ChatHost.StartAsync(cancellationToken: TestContext.CancellationToken);
        await using var alice = ChatHost.CreateClient(host.BaseAddress, "alice");
        await alice.StartAsync(TestContext.CancellationToken);
        var session = await alice.StartSessionAsync(null, TestContext.CancellationToken);

        var error = await Assert.ThrowsExactlyAsync<ChatClientException>(() => alice.SendMessageAsync(session.SessionId, "  ", cancellationToken: TestContext.CancellationToken));

        Assert.AreEqual(ChatProtocol.Errors.MessageEmpty, error.Code);
        Assert.AreEqual("A message cannot be empty.", error.Message);
        Assert.AreEqual(0, alice.PendingCount);
    }

    [TestMethod]
    public async Task StartAsync_HostNotListeningYet_RetriesUntilItIsThenConnects()
    {
        var settings = ChatHost.Settings();
        var host = await HostProcess.StartAsync(ChatHost.ModulesConfig, settings, TestContext.CancellationToken);
        try
        {
            // A token from before the host went down: it stays valid over the restart, so every attempt gets this far.
            using var signIn = new ChatSignIn(host.BaseAddress, "alice", SignIn.DemoPassword);
            var token = await signIn.GetAccessTokenAsync();
            var attempts = new EventWaiter<int>();
            var attempt = 0;
            await using var alice = new ChatClient(new ChatClientOptions
            {
                HubUrl = ChatHost.HubUrl(host.BaseAddress),
                AccessTokenProvider = () =>
                {
                    attempts.Add(Interlocked.Increment(ref attempt));
                    return Task.FromResult(token);
                },
                ReconnectDelay = TimeSpan.FromMilliseconds(200),
                MaxReconnectDelay = TimeSpan.FromSeconds(1),
            });
            await host.KillAsync(TestContext.CancellationToken);

            var starting = alice.StartAsync(TestContext.CancellationToken);
            await attempts.AnyAsync(n => n == 3);
            Assert.IsFalse(starting.IsCompleted, "still trying while nothing listens");
            settings["urls"] = host.BaseAddress.GetLeftPart(UriPartial.Authority);
            host = await host.RestartAsync(settings, TestContext.CancellationToken);
            await starting.WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken);

            Assert.AreEqual(ChatConnectionState.Connected, alice.State);
            var session = await alice.StartSessionAsync(null, TestContext.CancellationToken);
            Assert.AreEqual("alice", session.Originator);
        }
        catch (TimeoutException ex)
        {
            throw new AssertFailedException($"Timed out; host output:\n{host.Output}", ex);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task StartAsync_WrongPassword_ThrowsUnauthorizedInsteadOfRetrying()
    {
        await using var host = await ChatHost.StartAsync(cancellationToken: TestContext.CancellationToken);
        using var signIn = new ChatSignIn(host.BaseAddress, "alice", "Неверный#пароль2026");
        await using var alice = new ChatClient(new ChatClientOptions
        {
            HubUrl = ChatHost.HubUrl(host.BaseAddress),
            AccessTokenProvider = signIn.GetAccessTokenAsync,
        });

        var error = await Assert.ThrowsExactlyAsync<HttpRequestException>(() => alice.StartAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.CancellationToken));

        Assert.AreEqual(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.AreEqual(ChatConnectionState.Disconnected, alice.State);
    }

    [TestMethod]
    public async Task AccessToken_ExpiresWhileConnected_ReconnectsWithARefreshedTokenAndKeepsWorking()
    {
        // The host closes a connection when the token it was opened with expires.
        await using var host = await ChatHost.StartAsync(
            new Dictionary<string, string> { ["SignIn:AccessTokenLifetime"] = "00:00:10" },
            TestContext.CancellationToken);
        try
        {
            using var requests = new RecordingHandler();
            await using var alice = ChatHost.CreateClient(host.BaseAddress, "alice", signInHandler: requests);
            var states = new EventWaiter<ChatConnectionState>();
            alice.StateChanged += (_, s) => states.Add(s);
            await alice.StartAsync(TestContext.CancellationToken);
            var session = await alice.StartSessionAsync(null, TestContext.CancellationToken);

            await states.NextAsync(s => s == ChatConnectionState.Reconnecting, TimeSpan.FromSeconds(90));
            await states.NextAsync(s => s == ChatConnectionState.Connected, TimeSpan.FromSeconds(60));
            var stored = await alice.SendMessageAsync(session.SessionId, "Токен обновлён, 令牌已刷新 🔑", cancellationToken: TestContext.CancellationToken);

            Assert.AreEqual("Токен обновлён, 令牌已刷新 🔑", stored.Text);
            CollectionAssert.Contains(requests.Paths.ToArray(), ChatProtocol.RefreshRoute, "the reconnect renewed the token");
            Assert.AreEqual(1, requests.Paths.Count(p => p == ChatProtocol.TokenRoute), "signed in once, refreshed after that");
        }
        catch (TimeoutException ex)
        {
            throw new AssertFailedException($"Timed out; host output:\n{host.Output}", ex);
        }
    }
}
