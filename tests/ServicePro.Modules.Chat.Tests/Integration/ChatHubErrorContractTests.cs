using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using ServicePro.Modules.Chat.Hubs;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Integration;

/// <summary>The hub's error contract on the real host: every failure carries a documented code, refusals are not faults.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class ChatHubErrorContractTests
{
    private static HostProcess s_host = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context)
    {
        var recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        s_host = await ChatHostFixture.StartAsync(recordFile, cancellationToken: context.CancellationToken);
    }

    [ClassCleanup]
    public static async Task StopHost() => await s_host.DisposeAsync();

    [TestMethod]
    public async Task Typing_EndedSession_RefusedWithSessionEnded()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(s_host, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(s_host, "bob");
        var session = await StartWithAsync(alice, bob);
        await bob.Connection.InvokeAsync(ChatConstants.Methods.Typing, session.SessionId);
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId);

        await RefusedAsync(ChatConstants.Errors.SessionEnded, () => bob.Connection.InvokeAsync(ChatConstants.Methods.Typing, session.SessionId));
    }

    [TestMethod]
    public async Task Invoke_MalformedArguments_ArgumentInvalidAndTheConnectionStaysUp()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(s_host, "alice");
        var id = (await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null)).SessionId;

        await RefusedAsync(ChatConstants.Errors.ArgumentInvalid, () => alice.Connection.InvokeAsync<ChatEntryDto>(
            ChatConstants.Methods.SendMessage, new { sessionId = id, clientMessageId = "не GUID", text = "Привет" }));
        await RefusedAsync(ChatConstants.Errors.ArgumentInvalid, () => alice.Connection.InvokeAsync<ChatTimeDto>(ChatConstants.Methods.SetChatTime, id, "25:00:00"));
        await RefusedAsync(ChatConstants.Errors.ArgumentInvalid, () => alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, "4711"));
        await RefusedAsync(ChatConstants.Errors.ArgumentInvalid, () => alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.GetSession, "4711"));
        await RefusedAsync(ChatConstants.Errors.ArgumentInvalid, () => alice.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, id));
        await RefusedAsync(ChatConstants.Errors.ArgumentInvalid, () => alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, (object?)null));
        await RefusedAsync(ChatConstants.Errors.MethodNotFound, () => alice.Connection.InvokeAsync("DeleteEverything"));

        var stillUp = await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(id, Guid.NewGuid(), "всё ещё здесь 👋"));
        Assert.AreEqual("всё ещё здесь 👋", stillUp.Text);
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, id);
    }

    [TestMethod]
    public async Task SendMessage_StoreFails_StorageFailedAndTheResendWithTheSameIdStoredOnce()
    {
        const string Text = "Диск полон 💾 磁盘已满";
        await using var alice = await ChatHostFixture.ConnectAsync(s_host, "alice");
        var id = (await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null)).SessionId;
        var message = new SendMessageRequest(id, Guid.NewGuid(), Text);

        // The host's own database refuses this one insert, as a full disk would refuse every write.
        await ExecuteOnTheHostsDatabaseAsync($"""
            CREATE TRIGGER test_disk_full BEFORE INSERT ON ChatEntries WHEN NEW.Text = '{Text}'
            BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
            """);
        await RefusedAsync(ChatConstants.Errors.StorageFailed, () => alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, message));
        await ExecuteOnTheHostsDatabaseAsync("DROP TRIGGER test_disk_full;");
        var stored = await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, message);
        var again = await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, message);

        Assert.AreEqual(stored, again);
        var entries = await alice.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, id, 0L);
        Assert.AreEqual(1, entries.Count(e => e.Text == Text));
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, id);
    }

    [TestMethod]
    public async Task Refusals_Logged_AtInformationWithoutStackAndNeverAsErrors()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(s_host, "alice");

        await RefusedAsync(ChatConstants.Errors.SessionNotFound, () => alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.GetSession, Guid.NewGuid()));
        await RefusedAsync(ChatConstants.Errors.PresenceInvalid, () => alice.Connection.InvokeAsync(ChatConstants.Methods.SetPresence, PresenceStatus.Offline));

        // Log lines arrive in order: once the second refusal's line is there, the first one's entry is complete.
        const string First = "Chat call GetSession by alice refused: CHAT_SESSION_NOT_FOUND";
        const string Second = "Chat call SetPresence by alice refused: CHAT_PRESENCE_INVALID";
        await s_host.WaitForOutputAsync(Second, TimeSpan.FromSeconds(15));
        var lines = s_host.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var first = lines.FindLastIndex(l => l.Contains(First, StringComparison.Ordinal));
        var second = lines.FindLastIndex(l => l.Contains(Second, StringComparison.Ordinal));
        Assert.IsGreaterThan(0, first, s_host.Output);
        StringAssert.StartsWith(lines[first - 1], "info: " + typeof(ChatHubErrorFilter).FullName);
        StringAssert.StartsWith(lines[second - 1], "info: " + typeof(ChatHubErrorFilter).FullName);
        var between = lines[(first + 1)..(second - 1)];
        Assert.IsFalse(between.Any(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)), string.Join('\n', between));
        Assert.DoesNotContain("fail: Microsoft.AspNetCore.SignalR", s_host.Output);
    }

    private static async Task ExecuteOnTheHostsDatabaseAsync(string sql)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(s_host.WorkDirectory, "data", "servicepro.db")};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<ChatSessionDto> StartWithAsync(TestChatConnection originator, TestChatConnection invitee)
    {
        var session = await originator.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        await originator.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { invitee.UserName });
        var invitation = await invitee.WaitForAsync<ChatInvitationDto>(i => i.SessionId == session.SessionId);
        await invitee.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, invitation.InvitationId);
        return session;
    }

    private static async Task RefusedAsync(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsExactlyAsync<HubException>(call);
        StringAssert.Contains(error.Message, $" HubException: {code}: ", $"expected {code}");
    }
}
