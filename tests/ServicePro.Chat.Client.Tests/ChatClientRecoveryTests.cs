using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Modules.Chat.Client;
using ServicePro.Modules.Chat.Hubs;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Client;

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
        await using var host = await StartAsync(ChatConstants.Methods.SendMessage);
        try
        {
            await using var alice = CreateClient(host, "alice");
            var states = new EventWaiter<ChatConnectionState>();
            alice.StateChanged += (_, s) => states.Add(s);
            await alice.StartAsync(TestContext.CancellationToken);
            var session = await alice.StartSessionAsync(null, TestContext.CancellationToken);

            var stored = await alice.SendMessageAsync(session.SessionId, "Ответ потерян, 回信丢了 📨", cancellationToken: TestContext.CancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken);

            StringAssert.Contains(host.Output, $"dropped the reply to {ChatConstants.Methods.SendMessage}", "the first attempt's reply really was lost");
            CollectionAssert.Contains(states.Values.ToArray(), ChatConnectionState.Reconnecting, "the connection really dropped");
            var entries = await alice.GetEntriesAsync(session.SessionId, 0, TestContext.CancellationToken);
            var messages = entries.Where(e => e.Kind == ServicePro.Contracts.Chat.TranscriptLineKind.Message).ToList();
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
    public async Task InvitationReceived_InvitedWhileTheClientWasReconnecting_RaisedOnceItIsBack()
    {
        await using var host = await StartAsync(ChatConstants.Methods.GetMySessions);
        try
        {
            // Bob's other tab keeps him online (invitable) while the client under test is away.
            await using var bobsOtherTab = await ChatHostFixture.ConnectAsync(host, "bob");
            await using var alice = await ChatHostFixture.ConnectAsync(host, "alice");
            var mayReconnect = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var beforeConnect = Task.CompletedTask;

            // Every (re)connect asks for a token first: holding it keeps the client away until the test says.
            await using var bob = CreateClient(host, "bob", () => beforeConnect);
            var states = new EventWaiter<ChatConnectionState>();
            bob.StateChanged += (_, s) => states.Add(s);
            var invitations = new EventWaiter<ChatInvitationDto>();
            bob.InvitationReceived += (_, i) => invitations.Add(i);
            await bob.StartAsync(TestContext.CancellationToken);
            beforeConnect = mayReconnect.Task;
            var reconnecting = states.AnyAsync(s => s == ChatConnectionState.Reconnecting);

            await Assert.ThrowsAsync<Exception>(() => bob.GetMySessionsAsync(TestContext.CancellationToken), "the reply is lost with the connection");
            await reconnecting;
            var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
            await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "bob" });
            var live = await bobsOtherTab.WaitForAsync<ChatInvitationDto>(i => i.SessionId == session.SessionId);
            Assert.IsFalse(invitations.Values.Any(i => i.SessionId == session.SessionId), "sent while the client was away");
            mayReconnect.SetResult();

            var refetched = await invitations.AnyAsync(i => i.SessionId == session.SessionId, TimeSpan.FromSeconds(60));

            Assert.AreEqual(live.InvitationId, refetched.InvitationId);
            Assert.AreEqual("alice", refetched.InvitedBy);
            Assert.AreEqual(ChatConnectionState.Connected, bob.State);
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
            ChatConstants.Methods.GetMySessions,
            new Dictionary<string, string> { ["Modules:chatrecorder:RefuseSecondCallOf"] = ChatConstants.Methods.GetPresence });
        try
        {
            await using var bob = CreateClient(host, "bob");
            var afterTheDrop = new EventWaiter<ChatConnectionState>();
            var dropped = 0;
            bob.StateChanged += (_, s) =>
            {
                if (s == ChatConnectionState.Reconnecting)
                {
                    Volatile.Write(ref dropped, 1);
                }

                if (Volatile.Read(ref dropped) == 1)
                {
                    afterTheDrop.Add(s);
                }
            };
            await bob.StartAsync(TestContext.CancellationToken);
            await Assert.ThrowsAsync<Exception>(() => bob.GetMySessionsAsync(TestContext.CancellationToken), "the reply is lost with the connection");

            await afterTheDrop.AnyAsync(s => s == ChatConnectionState.Connected, TimeSpan.FromSeconds(60));

            StringAssert.Contains(host.Output, $"refused the second call of {ChatConstants.Methods.GetPresence}", "the reconnect's first call really was refused");
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

        return ChatHostFixture.StartAsync(
            Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl"),
            settings,
            TestContext.CancellationToken);
    }

    private static ChatClient CreateClient(HostProcess host, string userName, Func<Task>? beforeEachConnect = null) =>
        new(new ChatClientOptions
        {
            HubUrl = ChatHostFixture.HubUrl(host),
            AccessTokenProvider = async () =>
            {
                if (beforeEachConnect is not null)
                {
                    await beforeEachConnect();
                }

                return await ChatHostFixture.TokenAsync(host, userName);
            },
            ReconnectDelay = TimeSpan.FromMilliseconds(200),
            MaxReconnectDelay = TimeSpan.FromSeconds(1),
        });
}
