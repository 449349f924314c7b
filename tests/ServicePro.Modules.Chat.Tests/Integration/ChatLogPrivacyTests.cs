using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Integration;

/// <summary>
/// The whole log of a real host — ServicePro's and ASP.NET Core's categories at Trace, EF Core's at Debug, scopes on —
/// after sign-ins (right and wrong passwords, form and token) and a chat holds no message text, no password and no
/// token; it does hold the structured scopes that tie lines to a module, a session and a request.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatLogPrivacyTests
{
    private const string WrongPassword = "Неверный-密码-🔑-2026";
    private static readonly string[] Messages = ["Секретный текст Алисы", "机密的聊天内容", "shh 🤫🔒 private"];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Log_AfterSignInsAndAChatAtTraceLevel_HoldsNoMessageTextPasswordOrToken()
    {
        var recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        await using var host = await ChatHostFixture.StartAsync(recordFile, new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:ServicePro"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
            ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
            ["Telemetry:Prometheus:Enabled"] = "true",
        }, TestContext.CancellationToken);

        using (var browser = host.CreateClient())
        {
            await SignIn.AsAsync(browser, "carol", TestContext.CancellationToken);
            using var wrong = await SignIn.PostLoginAsync(host.CreateClient(), "carol", WrongPassword, TestContext.CancellationToken);
        }

        using var tokenClient = host.CreateClient();
        using var refused = await tokenClient.PostAsJsonAsync("account/token", new { userName = "bob", password = WrongPassword }, TestContext.CancellationToken);
        await using var alice = await ChatHostFixture.ConnectAsync(host, "alice");
        var bobToken = await ChatHostFixture.TokenAsync(host, "bob");

        // As the JavaScript client connects: WebSockets, the token in the query string (browsers cannot send the header).
        var bobConnection = new HubConnectionBuilder()
            .WithUrl(new Uri(ChatHostFixture.HubUrl(host) + "?access_token=" + Uri.EscapeDataString(bobToken)), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        await using var bob = new TestChatConnection("bob", bobConnection);
        await bobConnection.StartAsync(TestContext.CancellationToken);
        await bobConnection.InvokeAsync<IReadOnlyList<PresenceDto>>(ChatConstants.Methods.GetPresence, TestContext.CancellationToken);

        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null, TestContext.CancellationToken);
        await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "bob" }, TestContext.CancellationToken);
        var invitation = await bob.WaitForAsync<ChatInvitationDto>();
        await bob.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, invitation.InvitationId, TestContext.CancellationToken);
        foreach (var text in Messages)
        {
            await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), text), TestContext.CancellationToken);
        }

        foreach (var text in Messages)
        {
            await bob.WaitForAsync<ChatEntryDto>(e => e.Text == text);
        }

        await bob.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), Messages[0], "alice"), TestContext.CancellationToken);
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId, TestContext.CancellationToken);
        await host.WaitForOutputAsync($"session {session.SessionId} dispatched", TimeSpan.FromSeconds(30));

        var log = host.Output;
        foreach (var secret in Messages.Concat([SignIn.DemoPassword, WrongPassword, bobToken, Uri.EscapeDataString(bobToken)]))
        {
            Assert.DoesNotContain(secret, log, $"logged: {secret}");
        }

        StringAssert.Contains(log, "trce: Microsoft.AspNetCore.Http.Connections", "ASP.NET Core's Trace lines are in the log checked");
        StringAssert.Contains(log, $"SessionId:{session.SessionId}", "the chat's lines carry the session as a scope");
        StringAssert.Contains(log, "ModuleId:chat", "the chat's lines carry the module as a scope");
    }

    [TestMethod]
    public void Secrets_AreWhatAUserTypes()
    {
        // Guards the test above against passing on text that could never appear: these are real, non-ASCII inputs.
        Assert.IsTrue(Messages.All(m => m.Any(c => c > 127)));
        Assert.IsTrue(WrongPassword.Any(c => c > 127));
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(Messages));
        Assert.AreEqual(Messages.Length, document.RootElement.GetArrayLength());
    }
}
