using Microsoft.EntityFrameworkCore;
using Moq;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Requests;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Tests.Support;

namespace ServicePro.Modules.Chat.Tests.Application;

[TestClass]
public sealed partial class ChatApplicationTests
{
    private ChatHarness _chat = null!;

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public async Task Start() => _chat = await ChatHarness.StartAsync();

    [TestCleanup]
    public async Task Stop() => await _chat.DisposeAsync();

    [TestMethod]
    public async Task StartSession_FromWorkbench_OriginatorIsTheOnlyAttendeeAndTheDialogStartsWithTheJoin()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);

        Assert.IsNull(session.RequestNumber);
        Assert.AreEqual("alice", session.Originator);
        CollectionAssert.AreEqual(new[] { "alice" }, session.Attendees.ToArray());
        var entries = await _chat.App.Queries.GetEntriesAsync(new("alice"), session.SessionId, 0);
        Assert.HasCount(1, entries);
        Assert.AreEqual(TranscriptLineKind.Joined, entries[0].Kind);
        Assert.AreEqual(1, entries[0].Sequence);
    }

    [TestMethod]
    public async Task StartSession_UnknownRequest_RefusedWhenRequestsModuleAnswers()
    {
        var requests = new Mock<IRequestDirectory>();
        requests.Setup(r => r.FindAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(new RequestReference(7, "Printer on fire"));
        await using var chat = await ChatHarness.StartAsync(requests: requests.Object);

        var error = await Assert.ThrowsExactlyAsync<ChatException>(() => chat.App.Start.HandleAsync(new("alice"), 8));
        var session = await chat.App.Start.HandleAsync(new("alice"), 7);

        Assert.AreEqual(ChatConstants.Errors.RequestNotFound, error.Code);
        Assert.AreEqual("Printer on fire", session.RequestTitle);
    }

    [TestMethod]
    public async Task InviteAndAccept_Invitee_JoinsAndEveryAttendeeIsTold()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);

        var invitations = await _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob", "carol"]);
        var bobInvitation = invitations.Single(i => i.Invitee == "bob");
        var joined = await _chat.App.Answer.AcceptAsync(new("bob"), bobInvitation.InvitationId);

        CollectionAssert.AreEquivalent(new[] { "alice", "bob" }, joined.Attendees.ToArray());
        await _chat.WaitForAsync(e => e.Name == "InvitationReceived" && e.Recipients.Contains("carol"));
        var join = await _chat.WaitForAsync(e => e.Name == "EntryAdded" && e.Payload is ChatEntryDto { Kind: TranscriptLineKind.Joined, Author: "bob" });
        CollectionAssert.AreEquivalent(new[] { "alice", "bob" }, join.Recipients.ToArray());
    }

    [TestMethod]
    public async Task Typing_Attendee_OtherCurrentAttendeesToldNothingStored()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();
        await _chat.App.Answer.AcceptAsync(new("bob"), invitation.InvitationId);

        await _chat.App.Typing.HandleAsync(new("bob"), session.SessionId);

        var typing = await _chat.WaitForAsync(e => e.Name == "UserTyping");
        CollectionAssert.AreEqual(new[] { "alice" }, typing.Recipients.ToArray());
        Assert.AreEqual(new TypingNotice(session.SessionId, "bob"), typing.Payload);
        var error = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Typing.HandleAsync(new("carol"), session.SessionId));
        Assert.AreEqual(ChatConstants.Errors.NotAttendee, error.Code);
    }

    [TestMethod]
    public async Task Typing_EndedSession_RefusedWithSessionEndedAndNoOneTold()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();
        await _chat.App.Answer.AcceptAsync(new("bob"), invitation.InvitationId);
        await _chat.App.Leave.HandleAsync(new("alice"), session.SessionId);

        var error = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Typing.HandleAsync(new("bob"), session.SessionId));

        Assert.AreEqual(ChatConstants.Errors.SessionEnded, error.Code);
        Assert.IsFalse(_chat.Notifier.Sent.Any(e => e.Name == "UserTyping"));
    }

    [TestMethod]
    public async Task GetMyLiveSessions_RunningLeftAndEnded_OnlyTheRunningOnesTheRepIsIn()
    {
        var running = await _chat.App.Start.HandleAsync(new("alice"), null);
        var left = await _chat.App.Start.HandleAsync(new("bob"), null);
        var invitation = (await _chat.App.Invite.HandleAsync(new("bob"), left.SessionId, ["alice"])).Single();
        await _chat.App.Answer.AcceptAsync(new("alice"), invitation.InvitationId);
        await _chat.App.Leave.HandleAsync(new("alice"), left.SessionId);
        var ended = await _chat.App.Start.HandleAsync(new("alice"), null);
        await _chat.App.Leave.HandleAsync(new("alice"), ended.SessionId);

        var live = await _chat.App.Queries.GetMyLiveSessionsAsync(new("alice"));

        CollectionAssert.AreEqual(new[] { running.SessionId }, live.Select(s => s.SessionId).ToArray());
        Assert.IsEmpty(await _chat.App.Queries.GetMyLiveSessionsAsync(new("carol")));
    }

    [TestMethod]
    public async Task Invite_OfflineRep_RefusedAndNothingStored()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);

        var error = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob", "erin"]));

        Assert.AreEqual(ChatConstants.Errors.UserOffline, error.Code);
        Assert.IsEmpty(await _chat.App.Queries.GetMyInvitationsAsync(new("bob")));
    }

    [TestMethod]
    public async Task Invite_SameRepTwiceWhilePending_RefusedAsAlreadyInvited()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);
        await _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"]);

        var error = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"]));

        Assert.AreEqual(ChatConstants.Errors.AlreadyInvited, error.Code);
        Assert.HasCount(1, await _chat.App.Queries.GetMyInvitationsAsync(new("bob")));
    }

    [TestMethod]
    public async Task Invite_UnknownRepSelfOrNonAttendee_RefusedWithTheirCodes()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);

        var stranger = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["mallory"]));
        var self = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["alice"]));
        var outsider = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Invite.HandleAsync(new("bob"), session.SessionId, ["carol"]));
        var none = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, []));

        Assert.AreEqual(ChatConstants.Errors.UserNotFound, stranger.Code);
        Assert.AreEqual(ChatConstants.Errors.InviteSelf, self.Code);
        Assert.AreEqual(ChatConstants.Errors.NotAttendee, outsider.Code);
        Assert.AreEqual(ChatConstants.Errors.NoInvitees, none.Code);
    }

    [TestMethod]
    public async Task AcceptInvitation_AfterExpiry_RefusedAndHousekeepingTellsBoth()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();

        _chat.Time.Advance(_chat.Options.InvitationExpiry);
        var error = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Answer.AcceptAsync(new("bob"), invitation.InvitationId));
        var expired = await _chat.Housekeeping.ExpireInvitationsAsync();

        Assert.AreEqual(ChatConstants.Errors.InvitationClosed, error.Code);
        Assert.AreEqual(1, expired);
        var closed = await _chat.WaitForAsync(e => e.Name == "InvitationClosed" && e.Payload is ChatInvitationDto { Status: InvitationStatus.Expired });
        CollectionAssert.AreEquivalent(new[] { "bob", "alice" }, closed.Recipients.ToArray());
    }

    /// <summary>
    /// Housekeeping ticks every second. A tick with nothing due answers without queueing a write, so it never holds up the
    /// messages waiting for the writer; once an invitation is due, the next tick expires it.
    /// </summary>
    [TestMethod]
    public async Task ExpireInvitations_NothingDueWhileTheWriterIsBusy_AnsweredWithoutWaitingAndTheDueOneExpiredLater()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();
        var (hold, held) = await _chat.Writer.HoldAsync();
        int expiredWhileBusy;
        try
        {
            expiredWhileBusy = await _chat.Housekeeping.ExpireInvitationsAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            hold.SetResult();
            await held;
        }

        _chat.Time.Advance(_chat.Options.InvitationExpiry);
        var expiredOnceDue = await _chat.Housekeeping.ExpireInvitationsAsync();

        Assert.AreEqual(0, expiredWhileBusy);
        Assert.AreEqual(1, expiredOnceDue);
        var closed = await _chat.WaitForAsync(e => e.Name == "InvitationClosed" && e.Payload is ChatInvitationDto { Status: InvitationStatus.Expired });
        Assert.AreEqual(invitation.InvitationId, ((ChatInvitationDto)closed.Payload).InvitationId);
    }

    [TestMethod]
    public async Task AcceptInvitation_SomeoneElsesInvitation_RefusedAsNotFound()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();

        var error = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Answer.AcceptAsync(new("carol"), invitation.InvitationId));

        Assert.AreEqual(ChatConstants.Errors.InvitationNotFound, error.Code);
    }

    [TestMethod]
    public async Task DeclineInvitation_Invitee_InviterIsToldAndInviteeIsNotInTheSession()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();

        var declined = await _chat.App.Answer.DeclineAsync(new("bob"), invitation.InvitationId);

        Assert.AreEqual(InvitationStatus.Declined, declined.Status);
        await _chat.WaitForAsync(e => e.Name == "InvitationClosed" && e.Recipients.Contains("alice"));
        var error = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Queries.GetEntriesAsync(new("bob"), session.SessionId, 0));
        Assert.AreEqual(ChatConstants.Errors.NotAttendee, error.Code);
    }

    [TestMethod]
    public async Task SendMessage_SameClientIdTwice_ReturnsTheFirstResultAndStoresOnce()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);
        var id = Guid.NewGuid();

        var first = await _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, id, "  Hello  "));
        var again = await _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, id, "Hello"));

        Assert.AreEqual(first, again);
        Assert.AreEqual("Hello", first.Text);
        var messages = (await _chat.App.Queries.GetEntriesAsync(new("alice"), session.SessionId, 0)).Where(e => e.Kind == TranscriptLineKind.Message).ToList();
        Assert.HasCount(1, messages);
    }

    [TestMethod]
    public async Task SendMessage_ResentAmongManyNewOnes_NewOnesStoredAndTheResendReturnsTheFirstResult()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);
        var first = await _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "first"));

        var resend = _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, first.ClientMessageId!.Value, "first"));
        var others = Enumerable.Range(0, 50).Select(i => _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), $"new {i}"))).ToList();
        var sameIdTwiceAtOnce = Guid.NewGuid();
        var twins = new[]
        {
            _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, sameIdTwiceAtOnce, "twin")),
            _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, sameIdTwiceAtOnce, "twin")),
        };
        await Task.WhenAll([resend, .. others, .. twins]);

        Assert.AreEqual(first, await resend);
        Assert.AreEqual((await twins[0]).Sequence, (await twins[1]).Sequence);
        var texts = (await _chat.App.Queries.GetEntriesAsync(new("alice"), session.SessionId, 0)).Select(e => e.Text).ToList();
        Assert.AreEqual(1, texts.Count(t => t == "first"));
        Assert.AreEqual(1, texts.Count(t => t == "twin"));
        Assert.AreEqual(50, texts.Count(t => t.StartsWith("new ", StringComparison.Ordinal)));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   \n\t ")]
    public async Task SendMessage_EmptyAfterTrimming_RefusedAsEmpty(string text)
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);

        var error = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), text)));

        Assert.AreEqual(ChatConstants.Errors.MessageEmpty, error.Code);
    }

    [TestMethod]
    public async Task SendMessage_LongerThan4000_RefusedWhile4000PlusSpacesIsAccepted()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);

        var error = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), new string('x', 4001))));
        var longest = await _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "  " + new string('x', 4000) + "  "));

        Assert.AreEqual(ChatConstants.Errors.MessageTooLong, error.Code);
        Assert.AreEqual(4000, longest.Text.Length);
    }

    [TestMethod]
    public async Task SendMessage_NotAnAttendeeOrEndedSessionOrUnknownSession_Refused()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);

        var outsider = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Send.HandleAsync(new("bob"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "hi")));
        var unknown = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(Guid.NewGuid(), Guid.NewGuid(), "hi")));
        await _chat.App.Leave.HandleAsync(new("alice"), session.SessionId);
        var ended = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "hi")));

        Assert.AreEqual(ChatConstants.Errors.NotAttendee, outsider.Code);
        Assert.AreEqual(ChatConstants.Errors.SessionNotFound, unknown.Code);
        Assert.AreEqual(ChatConstants.Errors.SessionEnded, ended.Code);
    }

    [TestMethod]
    public async Task SendMessage_ManyAtOnce_AllStoredWithContiguousSequenceNumbers()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);

        var sent = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), $"message {i}"))));

        CollectionAssert.AreEquivalent(Enumerable.Range(2, 300).Select(i => (long)i).ToArray(), sent.Select(s => s.Sequence).ToArray());
        Assert.HasCount(301, await _chat.App.Queries.GetEntriesAsync(new("alice"), session.SessionId, 0));
    }

    [TestMethod]
    public async Task OffTheRecord_ToAnotherAttendee_OnlyTheTwoSeeItAndTheRecipientIsNotified()
    {
        var session = await StartWithAsync("bob", "carol");

        var secret = await _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "psst", "bob"));

        var sent = await _chat.WaitForAsync(e => e.Name == "EntryAdded" && e.Payload is ChatEntryDto { Text: "psst" });
        CollectionAssert.AreEquivalent(new[] { "alice", "bob" }, sent.Recipients.ToArray());
        var notice = await _chat.WaitForAsync(e => e.Name == "OffTheRecordSelected");
        CollectionAssert.AreEqual(new[] { "bob" }, notice.Recipients.ToArray());
        Assert.AreEqual("bob", secret.OffTheRecordWith);
        Assert.IsTrue((await _chat.App.Queries.GetEntriesAsync(new("bob"), session.SessionId, 0)).Any(e => e.Text == "psst"));
        Assert.IsFalse((await _chat.App.Queries.GetEntriesAsync(new("carol"), session.SessionId, 0)).Any(e => e.Text == "psst"));
        Assert.IsFalse(_chat.Notifier.To("carol").Any(e => e.Payload is ChatEntryDto { Text: "psst" }));
    }

    [TestMethod]
    public async Task OffTheRecord_WithSelfOrNonAttendee_Refused()
    {
        var session = await StartWithAsync("bob");

        var self = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "x", "alice")));
        var stranger = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "x", "carol")));

        Assert.AreEqual(ChatConstants.Errors.OffTheRecordRecipientInvalid, self.Code);
        Assert.AreEqual(ChatConstants.Errors.OffTheRecordRecipientInvalid, stranger.Code);
    }

    [TestMethod]
    public async Task LeaveSession_Attendee_OthersAreToldAndTheSessionGoesOn()
    {
        var session = await StartWithAsync("bob");

        var ended = await _chat.App.Leave.HandleAsync(new("bob"), session.SessionId);

        Assert.IsNull(ended);
        var left = await _chat.WaitForAsync(e => e.Payload is ChatEntryDto { Kind: TranscriptLineKind.Left, Author: "bob" });
        CollectionAssert.Contains(left.Recipients.ToArray(), "alice");
        var current = await _chat.App.Queries.GetSessionAsync(new("alice"), session.SessionId);
        CollectionAssert.AreEqual(new[] { "alice" }, current.Attendees.ToArray());
    }

    [TestMethod]
    public async Task LeaveSession_Originator_EndsForEveryoneWithOneOutboxEventWithoutOffTheRecord()
    {
        var session = await StartWithAsync("bob");
        await _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "on the record"));
        await _chat.App.Send.HandleAsync(new("bob"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "secret", "alice"));
        _chat.Time.Advance(TimeSpan.FromMinutes(3));

        var ended = await _chat.App.Leave.HandleAsync(new("alice"), session.SessionId);

        Assert.IsNotNull(ended);
        Assert.AreEqual(TimeSpan.FromMinutes(3), ended.Length);
        var told = await _chat.WaitForAsync(e => e.Name == "SessionEnded");
        CollectionAssert.AreEquivalent(new[] { "alice", "bob" }, told.Recipients.ToArray());
        await using var db = _chat.Databases.Create();
        var outbox = await db.Outbox.SingleAsync();
        var published = System.Text.Json.JsonSerializer.Deserialize<ChatSessionEndedEvent>(outbox.Payload)!;
        Assert.AreEqual(session.SessionId, published.SessionId);
        Assert.AreEqual(TimeSpan.FromMinutes(3), published.Length);
        CollectionAssert.AreEqual(new[] { "alice", "bob" }, published.Participants.ToArray());
        Assert.IsTrue(published.Transcript.Any(l => l.Text == "on the record"));
        Assert.IsFalse(published.Transcript.Any(l => l.Text == "secret"));
        Assert.IsFalse(await db.Entries.AnyAsync(e => e.Text == "secret"), "Off the Record is deleted at the end by default");
    }

    [TestMethod]
    public async Task EndSession_RetainOffTheRecordSet_KeepsItButNotInTheTranscript()
    {
        await using var chat = await ChatHarness.StartAsync(new ChatOptions { RetainOffTheRecord = true });
        var session = await chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();
        await chat.App.Answer.AcceptAsync(new("bob"), invitation.InvitationId);
        await chat.App.Send.HandleAsync(new("bob"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "secret", "alice"));

        await chat.App.Leave.HandleAsync(new("alice"), session.SessionId);

        await using var db = chat.Databases.Create();
        Assert.IsTrue(await db.Entries.AnyAsync(e => e.Text == "secret"));
        Assert.DoesNotContain("secret", (await db.Outbox.SingleAsync()).Payload);
    }

    [TestMethod]
    public async Task GetEntries_LateJoiner_SeesEverythingBeforeButNotOthersOffTheRecord()
    {
        var session = await StartWithAsync("bob");
        await _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "early"));
        await _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "between us", "bob"));
        var invitation = (await _chat.App.Invite.HandleAsync(new("bob"), session.SessionId, ["carol"])).Single();
        await _chat.App.Answer.AcceptAsync(new("carol"), invitation.InvitationId);

        var all = await _chat.App.Queries.GetEntriesAsync(new("carol"), session.SessionId, 0);
        var after = await _chat.App.Queries.GetEntriesAsync(new("carol"), session.SessionId, all[^2].Sequence);

        CollectionAssert.Contains(all.Select(e => e.Text).ToArray(), "early");
        Assert.IsFalse(all.Any(e => e.Text == "between us"));
        Assert.AreEqual(TranscriptLineKind.Joined, all[^1].Kind);
        Assert.HasCount(1, after);
    }

    [TestMethod]
    public async Task GetEntries_SomeoneNotInTheSession_Refused()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);

        var error = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Queries.GetEntriesAsync(new("bob"), session.SessionId, 0));

        Assert.AreEqual(ChatConstants.Errors.NotAttendee, error.Code);
    }

    [TestMethod]
    public async Task ChatTime_OriginatorPausesSetsAndResumes_ValueFollowsTheStoredClock()
    {
        var session = await StartWithAsync("bob");
        _chat.Time.Advance(TimeSpan.FromMinutes(5));

        var paused = await _chat.App.ChatTime.PauseAsync(new("alice"), session.SessionId);
        _chat.Time.Advance(TimeSpan.FromMinutes(10));
        var whilePaused = await _chat.App.Queries.GetSessionAsync(new("bob"), session.SessionId);
        var set = await _chat.App.ChatTime.SetAsync(new("alice"), session.SessionId, TimeSpan.FromMinutes(1));
        var resumed = await _chat.App.ChatTime.ResumeAsync(new("alice"), session.SessionId);
        _chat.Time.Advance(TimeSpan.FromMinutes(2));
        var later = await _chat.App.Queries.GetSessionAsync(new("bob"), session.SessionId);

        Assert.AreEqual(TimeSpan.FromMinutes(5), paused.Value);
        Assert.IsFalse(paused.IsRunning);
        Assert.AreEqual(TimeSpan.FromMinutes(5), whilePaused.ChatTime.Value);
        Assert.AreEqual(TimeSpan.FromMinutes(1), set.Value);
        Assert.IsTrue(resumed.IsRunning);
        Assert.AreEqual(TimeSpan.FromMinutes(3), later.ChatTime.Value);
        var told = await _chat.WaitForAsync(e => e.Name == "ChatTimeChanged" && e.Recipients.Contains("bob"));
        Assert.IsNotNull(told);
    }

    [TestMethod]
    public async Task ChatTime_NotTheOriginatorOrOutOfRange_Refused()
    {
        var session = await StartWithAsync("bob");

        var pause = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.ChatTime.PauseAsync(new("bob"), session.SessionId));
        var resume = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.ChatTime.ResumeAsync(new("bob"), session.SessionId));
        var set = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.ChatTime.SetAsync(new("bob"), session.SessionId, TimeSpan.Zero));
        var negative = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.ChatTime.SetAsync(new("alice"), session.SessionId, TimeSpan.FromSeconds(-1)));
        var tooLong = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.ChatTime.SetAsync(new("alice"), session.SessionId, TimeSpan.FromHours(24).Add(TimeSpan.FromSeconds(1))));
        var longest = await _chat.App.ChatTime.SetAsync(new("alice"), session.SessionId, TimeSpan.FromHours(24));

        Assert.AreEqual(ChatConstants.Errors.NotOriginator, pause.Code);
        Assert.AreEqual(ChatConstants.Errors.NotOriginator, resume.Code);
        Assert.AreEqual(ChatConstants.Errors.NotOriginator, set.Code);
        Assert.AreEqual(ChatConstants.Errors.ChatTimeInvalid, negative.Code);
        Assert.AreEqual(ChatConstants.Errors.ChatTimeInvalid, tooLong.Code);
        Assert.AreEqual(TimeSpan.FromHours(24), longest.Value);
    }

    [TestMethod]
    public async Task EndAbandonedSessions_OriginatorAwayLongerThanGrace_EndsOnlyThen()
    {
        var session = await StartWithAsync("bob");
        _chat.Presence.Disconnected("alice", "alice-1");

        _chat.Time.Advance(_chat.Options.OriginatorGracePeriod - TimeSpan.FromSeconds(1));
        var early = await _chat.Housekeeping.EndAbandonedSessionsAsync();
        _chat.Time.Advance(TimeSpan.FromSeconds(1));
        var due = await _chat.Housekeeping.EndAbandonedSessionsAsync();

        Assert.AreEqual(0, early);
        Assert.AreEqual(1, due);
        var ended = await _chat.WaitForAsync(e => e.Name == "SessionEnded");
        CollectionAssert.Contains(ended.Recipients.ToArray(), "bob");
        Assert.AreEqual(ChatSession.ReasonOriginatorDisconnected, ((SessionEndedDto)ended.Payload).Reason);
        _ = session;
    }

    [TestMethod]
    public async Task EndAbandonedSessions_OriginatorReturnsWithinGrace_SessionGoesOn()
    {
        var session = await StartWithAsync("bob");
        _chat.Presence.Disconnected("alice", "alice-1");
        _chat.Time.Advance(_chat.Options.OriginatorGracePeriod / 2);
        _chat.Presence.Connected("alice", "alice-2");
        _chat.Time.Advance(_chat.Options.OriginatorGracePeriod);

        var ended = await _chat.Housekeeping.EndAbandonedSessionsAsync();

        Assert.AreEqual(0, ended);
        Assert.IsNull((await _chat.App.Queries.GetSessionAsync(new("alice"), session.SessionId)).EndedAt);
    }

    [TestMethod]
    public async Task GetMySessions_EndedWorkbenchSessions_NewestFirstWithTranscriptsAndOnlyMine()
    {
        var first = await StartWithAsync("bob");
        await _chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(first.SessionId, Guid.NewGuid(), "first"));
        await _chat.App.Leave.HandleAsync(new("alice"), first.SessionId);
        _chat.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await StartWithAsync("bob");
        await _chat.App.Leave.HandleAsync(new("alice"), second.SessionId);
        var notMine = await _chat.App.Start.HandleAsync(new("carol"), null);
        await _chat.App.Leave.HandleAsync(new("carol"), notMine.SessionId);

        var mine = await _chat.App.Queries.GetMySessionsAsync(new("bob"));

        CollectionAssert.AreEqual(new[] { second.SessionId, first.SessionId }, mine.Select(s => s.SessionId).ToArray());
        Assert.IsTrue(mine[1].Transcript.Any(l => l.Text == "first"));
    }

    [TestMethod]
    public async Task GetMySessions_RequestSession_ListedWithItsRequestNumber()
    {
        var onRequest = await _chat.App.Start.HandleAsync(new("alice"), 42);
        foreach (var invitation in await _chat.App.Invite.HandleAsync(new("alice"), onRequest.SessionId, ["bob"]))
        {
            await _chat.App.Answer.AcceptAsync(new(invitation.Invitee), invitation.InvitationId);
        }

        await _chat.App.Leave.HandleAsync(new("alice"), onRequest.SessionId);

        var mine = await _chat.App.Queries.GetMySessionsAsync(new("bob"));

        Assert.AreEqual(42, mine.Single().RequestNumber);
    }

    private async Task<ChatSessionDto> StartWithAsync(params string[] invitees)
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);
        foreach (var invitation in await _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, invitees))
        {
            await _chat.App.Answer.AcceptAsync(new(invitation.Invitee), invitation.InvitationId);
        }

        return session;
    }
}
