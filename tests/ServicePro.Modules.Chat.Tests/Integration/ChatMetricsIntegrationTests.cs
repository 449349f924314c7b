using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Integration;

/// <summary>
/// A chat on the real host moves Chat's metrics at <c>/metrics</c> by exactly what happened: what an operator's
/// dashboard would show.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatMetricsIntegrationTests
{
    private static readonly string[] Messages = ["Привет, Боб", "你好，世界", "On it 👍🏽"];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Chat_ThreeMessagesAnInvitationAndARefusal_CountersMoveByThoseAmounts()
    {
        var recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        await using var host = await ChatHostFixture.StartAsync(recordFile, new Dictionary<string, string> { ["Telemetry:Prometheus:Enabled"] = "true" }, TestContext.CancellationToken);
        var before = await ScrapeAsync(host);

        await using var alice = await ChatHostFixture.ConnectAsync(host, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(host, "bob");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null, TestContext.CancellationToken);
        await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "bob" }, TestContext.CancellationToken);
        var invitation = await bob.WaitForAsync<ChatInvitationDto>();
        await bob.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, invitation.InvitationId, TestContext.CancellationToken);
        foreach (var text in Messages)
        {
            await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), text), TestContext.CancellationToken);
        }

        var refusal = await Assert.ThrowsAsync<HubException>(() => alice.Connection.InvokeAsync<ChatEntryDto>(
            ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "   "), TestContext.CancellationToken));
        StringAssert.Contains(refusal.Message, ChatConstants.Errors.MessageEmpty);

        // Counted after each commit, before the notifications of that commit: once Bob has the messages, they are counted.
        foreach (var text in Messages)
        {
            await bob.WaitForAsync<ChatEntryDto>(e => e.Text == text);
        }

        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId, TestContext.CancellationToken);
        await host.WaitForOutputAsync($"session {session.SessionId} dispatched", TimeSpan.FromSeconds(30));
        var after = await ScrapeAsync(host);

        double Moved(string sample) => after[sample] - before[sample];
        Assert.AreEqual(3, Moved("servicepro_chat_messages_stored_total"), after.Text);
        Assert.AreEqual(1, Moved("servicepro_chat_sessions_started_total"), after.Text);
        Assert.AreEqual(1, Moved("servicepro_chat_invitations_total{outcome=\"sent\"}"), after.Text);
        Assert.AreEqual(1, Moved("servicepro_chat_invitations_total{outcome=\"accepted\"}"), after.Text);
        Assert.AreEqual(1, Moved("servicepro_chat_refusals_total{error_code=\"CHAT_MESSAGE_EMPTY\"}"), after.Text);
        Assert.AreEqual(1, Moved("servicepro_chat_outbox_dispatch_duration_seconds_count"), after.Text);
        Assert.AreEqual(2, after["servicepro_chat_hub_connections"], after.Text);
        Assert.AreEqual(2, after["servicepro_chat_reps{presence=\"Available\"}"], after.Text);

        // Start, invite, accept, three messages (perhaps in one batch) and the leave: at least seven writes, each once.
        Assert.IsGreaterThanOrEqualTo(7, Moved("servicepro_chat_write_batch_size_sum"), after.Text);
        Assert.AreEqual(Moved("servicepro_chat_write_batch_size_count"), Moved("servicepro_chat_write_commit_duration_seconds_count"), "one commit time per batch");
        Assert.AreEqual(Moved("servicepro_chat_write_batch_size_sum"), Moved("servicepro_chat_write_queue_duration_seconds_count"), "one queue time per write");
        Assert.IsGreaterThanOrEqualTo(3, Moved("servicepro_chat_notify_delay_seconds_count"), "a commit-to-send delay for each message Bob received");
    }

    private async Task<PrometheusText> ScrapeAsync(HostProcess host)
    {
        // From loopback, which Telemetry:Prometheus:AllowedNetworks allows by default.
        using var http = host.CreateClient();
        return PrometheusText.Parse(await http.GetStringAsync("metrics", TestContext.CancellationToken));
    }
}
