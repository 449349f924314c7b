using System.Globalization;
using ServicePro.Modules.Chat.Client;
using ServicePro.Modules.Chat.Hubs;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Client;

/// <summary>The client library against the real host, including a host restart under it.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatClientIntegrationTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task SendMessage_WhileTheHostRestarts_ReconnectsResendsOnceOtherRepCatchesUpAndChatTimeSurvives()
    {
        var recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        var host = await ChatHostFixture.StartAsync(recordFile, cancellationToken: TestContext.CancellationToken);
        try
        {
            var baseAddress = host.BaseAddress;
            await using var alice = CreateClient(baseAddress, "alice");
            await using var bob = CreateClient(baseAddress, "bob");
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
            var restart = host.RestartAsync(
                ChatHostFixture.Settings(recordFile, new Dictionary<string, string> { ["urls"] = baseAddress.GetLeftPart(UriPartial.Authority) }),
                TestContext.CancellationToken);
            await reconnecting;
            Assert.AreEqual(ChatConnectionState.Reconnecting, alice.State, "the banner shows reconnecting");
            var sending = alice.SendMessageAsync(session.SessionId, "sent while down", cancellationToken: TestContext.CancellationToken);
            Assert.AreEqual(1, alice.PendingCount, "kept until acknowledged");
            host = await restart;

            var stored = await sending.WaitAsync(TimeSpan.FromSeconds(60));
            await connectedAgain;
            var atBob = await bobEntries.AnyAsync(e => e.Text == "sent while down", TimeSpan.FromSeconds(60));

            Assert.AreEqual(stored.Sequence, atBob.Sequence);
            Assert.AreEqual(0, alice.PendingCount);
            var entries = await alice.GetEntriesAsync(session.SessionId, 0, TestContext.CancellationToken);
            Assert.AreEqual(1, entries.Count(e => e.Text == "sent while down"), "resent, never duplicated");
            Assert.AreEqual(1, bobEntries.Values.Count(e => e.Text == "sent while down"));
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
        var recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        await using var host = await ChatHostFixture.StartAsync(recordFile, cancellationToken: TestContext.CancellationToken);
        await using var alice = CreateClient(host.BaseAddress, "alice");
        await alice.StartAsync(TestContext.CancellationToken);
        var session = await alice.StartSessionAsync(null, TestContext.CancellationToken);

        var error = await Assert.ThrowsExactlyAsync<ChatClientException>(() => alice.SendMessageAsync(session.SessionId, "  ", cancellationToken: TestContext.CancellationToken));

        Assert.AreEqual(ChatConstants.Errors.MessageEmpty, error.Code);
        Assert.AreEqual("A message cannot be empty.", error.Message);
        Assert.AreEqual(0, alice.PendingCount);
    }

    private static ChatClient CreateClient(Uri baseAddress, string userName)
    {
        string? token = null;
        return new ChatClient(new ChatClientOptions
        {
            HubUrl = new Uri(baseAddress, ChatConstants.HubRoute.TrimStart('/')),
            AccessTokenProvider = async () => token ??= await TokenAsync(baseAddress, userName),
            ReconnectDelay = TimeSpan.FromMilliseconds(200),
            MaxReconnectDelay = TimeSpan.FromSeconds(1),
        });
    }

    private static async Task<string?> TokenAsync(Uri baseAddress, string userName)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var response = await http.PostAsync(
            ChatConstants.TokenRoute.TrimStart('/'),
            new StringContent(string.Create(CultureInfo.InvariantCulture, $$"""{"userName":"{{userName}}","password":"{{SignIn.DemoPassword}}"}"""), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString();
    }
}
