using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Integration;

/// <summary>
/// Every test of <see cref="ChatHubIntegrationTests"/> again, with one host on PostgreSQL (a fresh database of this
/// run's cluster), and what PostgreSQL does differently: a failed statement aborts the transaction, times are
/// timestamptz and Chat Time an interval.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class ChatHubIntegrationOnPostgreSqlTests : ChatHubIntegrationTests
{
    private static HostProcess s_postgreSqlHost = null!;
    private static string s_postgreSqlRecordFile = null!;

    [ClassInitialize]
    public static async Task StartHostOnPostgreSql(TestContext context)
    {
        s_postgreSqlRecordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        var settings = await PostgresServer.HostSettingsAsync(context.CancellationToken);

        // The writer says at Debug level when a batch was rolled back and its writes re-run one by one.
        settings["Logging:LogLevel:ServicePro.Modules.Chat.Writing"] = "Debug";
        s_postgreSqlHost = await ChatHostFixture.StartAsync(s_postgreSqlRecordFile, settings, context.CancellationToken);
    }

    [ClassCleanup]
    public static async Task StopHostOnPostgreSql() => await s_postgreSqlHost.DisposeAsync();

    protected override HostProcess Host => s_postgreSqlHost;

    protected override string RecordFile => s_postgreSqlRecordFile;

    [TestMethod]
    public async Task SendMessage_ResentInALaterBatch_TheUniqueIndexAbortsTheBatchAndTheRerunReturnsTheFirst()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(Host, "alice");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        var message = new SendMessageRequest(session.SessionId, Guid.NewGuid(), "Только один раз · 只一次 · 1️⃣");
        var first = await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, message);
        var logBefore = Host.Output.Length;

        var resent = await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, message);
        var after = await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "next"));

        Assert.AreEqual(first, resent);
        Assert.AreEqual(first.Sequence + 1, after.Sequence, "no sequence number lost to the rolled-back batch");

        // The optimistic insert met the unique index (PostgreSQL's 23505), and the writer said so. Its logger writes
        // on a thread of its own, so the reply can come back before the line that tells of it: wait for the line.
        await Host.WaitForOutputAsync("rolled back; writing them again in halves", logBefore, TimeSpan.FromSeconds(15));
        await Host.WaitForOutputAsync("23505", logBefore, TimeSpan.FromSeconds(15));
        var entries = await alice.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, session.SessionId, 0L);
        Assert.AreEqual(1, entries.Count(e => e.ClientMessageId == message.ClientMessageId));
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId);
    }

    [TestMethod]
    public async Task ChatTime_PausedSetAndResumed_ReadBackFromTheDatabase()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(Host, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(Host, "bob");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "bob" });
        var invitation = await bob.WaitForAsync<ChatInvitationDto>(i => i.SessionId == session.SessionId);
        await bob.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, invitation.InvitationId);

        await alice.Connection.InvokeAsync<ChatTimeDto>(ChatConstants.Methods.PauseChatTime, session.SessionId);
        await alice.Connection.InvokeAsync<ChatTimeDto>(ChatConstants.Methods.SetChatTime, session.SessionId, new TimeSpan(1, 29, 59));
        var paused = await bob.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.GetSession, session.SessionId);
        var resumed = await alice.Connection.InvokeAsync<ChatTimeDto>(ChatConstants.Methods.ResumeChatTime, session.SessionId);
        var running = await bob.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.GetSession, session.SessionId);

        Assert.AreEqual(new TimeSpan(1, 29, 59), paused.ChatTime.Value);
        Assert.IsFalse(paused.ChatTime.IsRunning);
        Assert.IsTrue(resumed.IsRunning);
        Assert.IsTrue(running.ChatTime.IsRunning);
        Assert.IsGreaterThanOrEqualTo(new TimeSpan(1, 29, 59), running.ChatTime.Value);
        Assert.AreEqual(TimeSpan.Zero, running.StartedAt.Offset, "timestamptz comes back in UTC");
        Assert.IsLessThan(TimeSpan.FromMinutes(5), (DateTimeOffset.UtcNow - running.StartedAt).Duration(), "the start is the same instant");
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId);
    }
}
