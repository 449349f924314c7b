using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Contracts.Chat;
using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Integration;

/// <summary>
/// The real host on 127.0.0.1 with real SignalR clients signed in as different reps, on SQLite; a derived class runs the
/// same tests on another database (<see cref="ChatHubIntegrationOnPostgreSqlTests"/>).
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public class ChatHubIntegrationTests
{
    private static HostProcess s_host = null!;
    private static string s_recordFile = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context)
    {
        s_recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        s_host = await ChatHostFixture.StartAsync(s_recordFile, cancellationToken: context.CancellationToken);
    }

    [ClassCleanup]
    public static async Task StopHost() => await s_host.DisposeAsync();

    /// <summary>The host these tests talk to (a derived class starts its own).</summary>
    protected virtual HostProcess Host => s_host;

    /// <summary>Where the host's ChatRecorder writes each chat-ended event it handles.</summary>
    protected virtual string RecordFile => s_recordFile;

    [TestMethod]
    public async Task Connect_NotSignedIn_Refused()
    {
        await using var anonymous = new HubConnectionBuilder().WithUrl(ChatHostFixture.HubUrl(Host)).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());

        Assert.AreEqual(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [TestMethod]
    public async Task Token_WrongPassword_UnauthorizedAndNoToken()
    {
        using var http = Host.CreateClient();

        using var response = await http.PostAsJsonAsync("account/token", new { userName = "alice", password = "wrong" });

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Connect_WithTheShellsCookie_Accepted()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
        await SignIn.AsAsync(http, "carol");
        await using var connection = new HubConnectionBuilder().WithUrl(ChatHostFixture.HubUrl(Host), o => o.Cookies = cookies).Build();

        await connection.StartAsync();
        var session = await connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);

        Assert.AreEqual("carol", session.Originator, "the caller comes from the sign-in");
        await connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId);
    }

    [TestMethod]
    public async Task Session_FullLife_InviteAcceptTalkLeaveEnd_TranscriptReachesTheHandlerOnce()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(Host, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(Host, "bob");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)4711);

        await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "bob" });
        var invitation = await bob.WaitForAsync<ChatInvitationDto>(i => i.SessionId == session.SessionId);
        await bob.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, invitation.InvitationId);
        await alice.WaitForAsync<ChatEntryDto>(e => e.SessionId == session.SessionId && e.Kind == TranscriptLineKind.Joined && e.Author == "bob");
        await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "Hi Bob"));
        var received = await bob.WaitForAsync<ChatEntryDto>(e => e.SessionId == session.SessionId && e.Text == "Hi Bob");
        await bob.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "Hi Alice"));
        await bob.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId);
        await alice.WaitForAsync<ChatEntryDto>(e => e.SessionId == session.SessionId && e.Kind == TranscriptLineKind.Left && e.Author == "bob");
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId);

        var ended = await alice.WaitForAsync<SessionEndedDto>(e => e.SessionId == session.SessionId);
        Assert.AreEqual("alice", received.Author);
        Assert.AreEqual(ChatSession.ReasonOriginatorLeft, ended.Reason);
        await Host.WaitForOutputAsync($"session {session.SessionId} dispatched", TimeSpan.FromSeconds(15));
        var recorded = (await File.ReadAllLinesAsync(RecordFile)).Select(l => JsonSerializer.Deserialize<ChatSessionEndedEvent>(l)!).Where(e => e.SessionId == session.SessionId).ToList();
        Assert.HasCount(1, recorded);
        Assert.AreEqual(4711, recorded[0].RequestNumber);
        CollectionAssert.AreEqual(new[] { "alice", "bob" }, recorded[0].Participants.ToArray());
        CollectionAssert.IsSubsetOf(new[] { "Hi Bob", "Hi Alice" }, recorded[0].Transcript.Select(l => l.Text).ToArray());
    }

    [TestMethod]
    public async Task GetEntries_LateJoiner_SeesTheHistory()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(Host, "alice");
        await using var carol = await ChatHostFixture.ConnectAsync(Host, "carol");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "before carol"));
        await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "carol" });
        var invitation = await carol.WaitForAsync<ChatInvitationDto>(i => i.SessionId == session.SessionId);
        await carol.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, invitation.InvitationId);

        var history = await carol.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, session.SessionId, 0L);

        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, history.Select(e => e.Sequence).ToArray());
        Assert.AreEqual("before carol", history[1].Text);
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId);
    }

    [TestMethod]
    public async Task OffTheRecord_ReachesExactlyTheTwoConnections()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(Host, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(Host, "bob");
        await using var carol = await ChatHostFixture.ConnectAsync(Host, "carol");
        var session = await StartWithAsync(alice, bob, carol);

        await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "just us", "bob"));
        await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "everyone"));

        await alice.WaitForAsync<ChatEntryDto>(e => e.Text == "just us");
        var atBob = await bob.WaitForAsync<ChatEntryDto>(e => e.Text == "just us");
        var notice = await bob.WaitForAsync<OffTheRecordNotice>(n => n.SessionId == session.SessionId);
        // Events reach a connection in order: once Carol has the later message she would have had the earlier one.
        await carol.WaitForAsync<ChatEntryDto>(e => e.Text == "everyone");
        Assert.IsFalse(carol.Received.Any(r => r.Payload is ChatEntryDto { Text: "just us" } || r.Payload is OffTheRecordNotice));
        Assert.AreEqual("bob", atBob.OffTheRecordWith);
        Assert.AreEqual("alice", notice.From);
        var carolsHistory = await carol.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, session.SessionId, 0L);
        Assert.IsFalse(carolsHistory.Any(e => e.Text == "just us"));
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId);
    }

    [TestMethod]
    public async Task Refusals_EachRule_HubErrorWithItsCodeAndTheConnectionStaysUp()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(Host, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(Host, "bob");
        await using var admin = await ChatHostFixture.ConnectAsync(Host, "admin");
        var session = await StartWithAsync(alice, bob);
        var id = session.SessionId;

        await RefusedAsync(ChatConstants.Errors.MessageEmpty, () => alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(id, Guid.NewGuid(), "   ")));
        await RefusedAsync(ChatConstants.Errors.MessageTooLong, () => alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(id, Guid.NewGuid(), new string('x', 4001))));
        await RefusedAsync(ChatConstants.Errors.NotAttendee, () => admin.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(id, Guid.NewGuid(), "let me in")));
        await RefusedAsync(ChatConstants.Errors.NotAttendee, () => admin.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, id, 0L));
        await RefusedAsync(ChatConstants.Errors.NotAttendee, () => admin.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, id, new[] { "carol" }));
        await RefusedAsync(ChatConstants.Errors.NotOriginator, () => bob.Connection.InvokeAsync<ChatTimeDto>(ChatConstants.Methods.PauseChatTime, id));
        await RefusedAsync(ChatConstants.Errors.NotOriginator, () => bob.Connection.InvokeAsync<ChatTimeDto>(ChatConstants.Methods.ResumeChatTime, id));
        await RefusedAsync(ChatConstants.Errors.NotOriginator, () => bob.Connection.InvokeAsync<ChatTimeDto>(ChatConstants.Methods.SetChatTime, id, TimeSpan.Zero));
        await RefusedAsync(ChatConstants.Errors.ChatTimeInvalid, () => alice.Connection.InvokeAsync<ChatTimeDto>(ChatConstants.Methods.SetChatTime, id, TimeSpan.FromHours(25)));
        await RefusedAsync(ChatConstants.Errors.UserOffline, () => alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, id, new[] { "carol" }));
        await RefusedAsync(ChatConstants.Errors.UserNotFound, () => alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, id, new[] { "mallory" }));
        await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, id, new[] { "admin" });
        await RefusedAsync(ChatConstants.Errors.AlreadyInvited, () => alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, id, new[] { "admin" }));
        await RefusedAsync(ChatConstants.Errors.AlreadyAttendee, () => alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, id, new[] { "bob" }));
        await RefusedAsync(ChatConstants.Errors.InvitationNotFound, () => bob.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, Guid.NewGuid()));
        await RefusedAsync(ChatConstants.Errors.SessionNotFound, () => alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.GetSession, Guid.NewGuid()));
        await RefusedAsync(ChatConstants.Errors.PresenceInvalid, () => alice.Connection.InvokeAsync(ChatConstants.Methods.SetPresence, PresenceStatus.Offline));

        var stillUp = await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(id, Guid.NewGuid(), "still here"));
        Assert.AreEqual(HubConnectionState.Connected, admin.Connection.State);
        Assert.AreEqual("still here", stillUp.Text);
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, id);
        await RefusedAsync(ChatConstants.Errors.SessionEnded, () => bob.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(id, Guid.NewGuid(), "too late")));
    }

    [TestMethod]
    public async Task SendMessage_ResentWithTheSameId_NoDuplicate()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(Host, "alice");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        var message = new SendMessageRequest(session.SessionId, Guid.NewGuid(), "only once");

        var first = await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, message);
        await alice.Connection.StopAsync();
        await alice.Connection.StartAsync();
        var resent = await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, message);

        Assert.AreEqual(first, resent);
        var entries = await alice.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, session.SessionId, 0L);
        Assert.AreEqual(1, entries.Count(e => e.Text == "only once"));
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId);
    }

    [TestMethod]
    public async Task GetEntries_AfterReconnect_CatchesUpOnWhatWasMissed()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(Host, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(Host, "bob");
        var session = await StartWithAsync(alice, bob);
        var seen = (await bob.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, session.SessionId, 0L))[^1].Sequence;

        await bob.Connection.StopAsync();
        await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "missed 1"));
        await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), "missed 2"));
        await bob.Connection.StartAsync();
        var missed = await bob.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, session.SessionId, seen);

        CollectionAssert.AreEqual(new[] { "missed 1", "missed 2" }, missed.Select(e => e.Text).ToArray());
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId);
    }

    [TestMethod]
    public async Task Presence_TwoTabs_OfflineOnlyWhenTheLastCloses()
    {
        await using var observer = await ChatHostFixture.ConnectAsync(Host, "admin");
        var tab1 = await ChatHostFixture.ConnectAsync(Host, "carol");
        var tab2 = await ChatHostFixture.ConnectAsync(Host, "carol");
        await observer.WaitForAsync<PresenceDto>(p => p.UserName == "carol" && p.Status == PresenceStatus.Available);

        await tab1.DisposeAsync();
        await tab2.Connection.InvokeAsync(ChatConstants.Methods.SetPresence, PresenceStatus.Busy);
        await observer.WaitForAsync<PresenceDto>(p => p.UserName == "carol" && p.Status == PresenceStatus.Busy);
        var whileOneTabOpen = observer.Received.Select(r => r.Payload).OfType<PresenceDto>().Where(p => p.UserName == "carol").ToList();
        var online = await observer.Connection.InvokeAsync<IReadOnlyList<PresenceDto>>(ChatConstants.Methods.GetPresence);
        await tab2.DisposeAsync();

        await observer.WaitForAsync<PresenceDto>(p => p.UserName == "carol" && p.Status == PresenceStatus.Offline);
        Assert.IsFalse(whileOneTabOpen.Any(p => p.Status == PresenceStatus.Offline), "closing one of two tabs is not Offline");
        CollectionAssert.Contains(online.ToArray(), new PresenceDto("carol", PresenceStatus.Busy));
        await tab2.Connection.DisposeAsync();
    }

    [TestMethod]
    public async Task UploadAttachment_ChunkThatIsNotBase64Bytes_ArgumentInvalidAndNothingStored()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(Host, "alice");
        var session = await StartWithAsync(alice);
        var request = new UploadAttachmentRequest(session.SessionId, Guid.NewGuid(), "Отчёт 报告 📎.txt", 3);

        // A client whose chunks are numbers, not base64 strings of bytes: SignalR cannot bind them to byte[].
        await RefusedAsync(ChatConstants.Errors.ArgumentInvalid, () => alice.Connection.InvokeCoreAsync<ChatEntryDto>(
            ChatConstants.Methods.UploadAttachment, [request, Numbers()], TestContext.CancellationToken));

        var entries = await alice.Connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, session.SessionId, 0L);
        Assert.IsFalse(entries.Any(e => e.Attachments.Count > 0), "a refused upload stores nothing");

        static async IAsyncEnumerable<int> Numbers()
        {
            await Task.Yield();
            yield return 1;
            yield return 2;
        }
    }

    private static async Task<ChatSessionDto> StartWithAsync(TestChatConnection originator, params TestChatConnection[] invitees)
    {
        var session = await originator.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        if (invitees.Length > 0)
        {
            await originator.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, invitees.Select(i => i.UserName).ToArray());
            foreach (var invitee in invitees)
            {
                var invitation = await invitee.WaitForAsync<ChatInvitationDto>(i => i.SessionId == session.SessionId);
                await invitee.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, invitation.InvitationId);
            }
        }

        return session;
    }

    private static async Task RefusedAsync(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsExactlyAsync<HubException>(call);
        StringAssert.Contains(error.Message, $"HubException: {code}: ", $"expected {code}");
    }
}
