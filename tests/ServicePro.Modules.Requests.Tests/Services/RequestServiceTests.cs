using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.Tests.Support;
using Kinds = ServicePro.Modules.Requests.RequestsConstants.ActivityKinds;

namespace ServicePro.Modules.Requests.Tests.Services;

/// <summary>The request service on a real SQLite file, migrated with the module's migrations.</summary>
[TestClass]
public sealed class RequestServiceTests
{
    private TestDatabase _database = null!;
    private RecordingEvents _events = null!;
    private RequestService _service = null!;

    [TestInitialize]
    public async Task Create()
    {
        _database = await TestDatabase.CreateAsync();
        _events = new RecordingEvents();
        _service = Support.Services.Requests(_database, _events);
    }

    [TestCleanup]
    public async Task Dispose() => await _database.DisposeAsync();

    [TestMethod]
    public async Task CreateAsync_Valid_StoredWithNextNumberAndCreatedEntry()
    {
        var first = await _service.CreateAsync(new NewRequest("Printer on fire", "Smoke from tray 2", "Dana", "bob"), Reps.Alice, default);
        var second = await _service.CreateAsync(new NewRequest("VPN down"), Reps.Alice, default);

        Assert.IsTrue(first.Succeeded, first.Error);
        Assert.AreEqual(1, first.Value!.Number);
        Assert.AreEqual(2, second.Value!.Number);
        var stored = await _service.FindAsync(1, default);
        Assert.AreEqual(new { Title = "Printer on fire", Requester = "Dana", AssignedTo = (string?)"bob", CreatedBy = "alice", Status = RequestStatus.New },
            new { stored!.Title, stored.Requester, stored.AssignedTo, stored.CreatedBy, stored.Status });
        var activity = await _service.GetActivityAsync(1, Reps.Alice, default);
        Assert.AreEqual(Kinds.Created, activity.Single().Kind);
        Assert.AreEqual("alice", activity.Single().Actor);
        Assert.Contains(new RequestActivityAddedEvent(1), _events.Published);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    public async Task CreateAsync_NoTitle_RefusedAndNothingStored(string? title)
    {
        var result = await _service.CreateAsync(new NewRequest(title, "desc"), Reps.Alice, default);

        Assert.AreEqual("Enter a title.", result.Error);
        Assert.AreEqual(0, (await _service.ListAsync(new RequestQuery(), default)).Total);
    }

    [TestMethod]
    public async Task CreateAsync_TitleOf201Characters_RefusedWithLimit()
    {
        var result = await _service.CreateAsync(new NewRequest(new string('x', 201)), Reps.Alice, default);

        Assert.AreEqual("The title is too long: 201 characters, at most 200.", result.Error);
        Assert.AreEqual(0, (await _service.ListAsync(new RequestQuery(), default)).Total);
    }

    [TestMethod]
    public async Task CreateAsync_TitleOf200Characters_Stored()
    {
        var result = await _service.CreateAsync(new NewRequest(new string('x', 200)), Reps.Alice, default);

        Assert.IsTrue(result.Succeeded, result.Error);
    }

    [TestMethod]
    public async Task CreateAsync_DescriptionOver10000_Refused()
    {
        var result = await _service.CreateAsync(new NewRequest("t", new string('d', 10_001)), Reps.Alice, default);

        Assert.AreEqual("The description is too long: 10001 characters, at most 10000.", result.Error);
    }

    [TestMethod]
    public async Task CreateAsync_UnknownAssignee_Refused()
    {
        var result = await _service.CreateAsync(new NewRequest("t", AssignedTo: "mallory"), Reps.Alice, default);

        Assert.AreEqual("There is no user 'mallory' to assign.", result.Error);
        Assert.AreEqual(0, (await _service.ListAsync(new RequestQuery(), default)).Total);
    }

    [TestMethod]
    public async Task CreateAsync_NotSignedIn_Refused()
    {
        var result = await _service.CreateAsync(new NewRequest("t"), Reps.Anonymous, default);

        Assert.AreEqual("Sign in first.", result.Error);
    }

    [TestMethod]
    public async Task CreateAsync_ScriptInText_StoredVerbatimAsText()
    {
        const string script = "<script>alert('x')</script>";

        var created = await _service.CreateAsync(new NewRequest(script, script, script), Reps.Alice, default);

        var stored = await _service.FindAsync(created.Value!.Number, default);
        Assert.AreEqual(script, stored!.Title);
        Assert.AreEqual(script, stored.Description);
    }

    [TestMethod]
    public async Task CreateAsync_TwentyRepsAtOnce_NumbersUniqueAndSequential()
    {
        // Separate services, separate contexts and connections: as twenty reps' circuits would.
        var creations = Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            Support.Services.Requests(_database).CreateAsync(new NewRequest($"Request {i}"), Reps.Rep($"rep{i}"), default)));

        var results = await Task.WhenAll(creations);

        Assert.IsTrue(results.All(r => r.Succeeded), string.Join("; ", results.Select(r => r.Error)));
        CollectionAssert.AreEquivalent(Enumerable.Range(1, 20).ToList(), results.Select(r => r.Value!.Number).ToList());
        await using var db = _database.CreateDbContext();
        Assert.AreEqual(20, await db.Activity.CountAsync(a => a.Kind == Kinds.Created));
    }

    [TestMethod]
    public async Task ChangeStatusAsync_NewToInProgress_StoredWithStatusEntryAndEvent()
    {
        await _service.CreateAsync(new NewRequest("t"), Reps.Alice, default);

        var result = await _service.ChangeStatusAsync(1, RequestStatus.InProgress, Reps.Bob, default);

        Assert.AreEqual(RequestStatus.InProgress, result.Value!.Status);
        var entry = (await _service.GetActivityAsync(1, Reps.Bob, default)).Last();
        Assert.AreEqual((Kinds.Status, "bob", "New", "InProgress"), (entry.Kind, entry.Actor, entry.OldValue, entry.NewValue));
        Assert.AreEqual(2, _events.Published.Count(e => e.Equals(new RequestActivityAddedEvent(1))));
    }

    [TestMethod]
    public async Task ChangeStatusAsync_ClosedToNewByRep_RefusedAndUnchanged()
    {
        await _service.CreateAsync(new NewRequest("t"), Reps.Alice, default);
        await _service.ChangeStatusAsync(1, RequestStatus.Closed, Reps.Alice, default);

        var result = await _service.ChangeStatusAsync(1, RequestStatus.New, Reps.Alice, default);

        Assert.AreEqual("Only a Privileged rep may reopen a closed request.", result.Error);
        Assert.AreEqual(RequestStatus.Closed, (await _service.FindAsync(1, default))!.Status);
        Assert.HasCount(2, await _service.GetActivityAsync(1, Reps.Alice, default));
    }

    [TestMethod]
    public async Task ChangeStatusAsync_ClosedToNewByPrivileged_Reopened()
    {
        await _service.CreateAsync(new NewRequest("t"), Reps.Alice, default);
        await _service.ChangeStatusAsync(1, RequestStatus.Closed, Reps.Alice, default);

        var result = await _service.ChangeStatusAsync(1, RequestStatus.New, Reps.Carol, default);

        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(RequestStatus.New, (await _service.FindAsync(1, default))!.Status);
    }

    [TestMethod]
    public async Task ChangeStatusAsync_UnknownRequest_ClearError()
    {
        var result = await _service.ChangeStatusAsync(404, RequestStatus.Closed, Reps.Alice, default);

        Assert.AreEqual("Request #404 does not exist.", result.Error);
    }

    [TestMethod]
    public async Task ChangeStatusAsync_NotAStatus_Refused()
    {
        await _service.CreateAsync(new NewRequest("t"), Reps.Alice, default);

        var result = await _service.ChangeStatusAsync(1, (RequestStatus)42, Reps.Alice, default);

        Assert.AreEqual("That is not a status.", result.Error);
        Assert.AreEqual(RequestStatus.New, (await _service.FindAsync(1, default))!.Status);
    }

    [TestMethod]
    public async Task ChangeStatusAsync_StaleCopyWrittenAfterAnotherChange_RefusedAndStoredValueKept()
    {
        await _service.CreateAsync(new NewRequest("t"), Reps.Alice, default);
        await using var db = _database.CreateDbContext();
        var stale = await db.Requests.SingleAsync();
        await _service.ChangeStatusAsync(1, RequestStatus.Resolved, Reps.Bob, default);

        stale.Status = RequestStatus.Closed;
        await Assert.ThrowsExactlyAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.AreEqual(RequestStatus.Resolved, (await _service.FindAsync(1, default))!.Status);
    }

    [TestMethod]
    public async Task AssignAsync_AnyUser_AssignedWithEntry_ThenUnassigned()
    {
        await _service.CreateAsync(new NewRequest("t"), Reps.Alice, default);

        var assigned = await _service.AssignAsync(1, "Carol", Reps.Alice, default);
        var unassigned = await _service.AssignAsync(1, "", Reps.Alice, default);

        Assert.AreEqual("carol", assigned.Value!.AssignedTo);
        Assert.IsNull(unassigned.Value!.AssignedTo);
        var entries = (await _service.GetActivityAsync(1, Reps.Alice, default)).Where(e => e.Kind == Kinds.Assignment).ToList();
        Assert.AreEqual(((string?)null, (string?)"carol"), (entries[0].OldValue, entries[0].NewValue));
        Assert.AreEqual(((string?)"carol", (string?)null), (entries[1].OldValue, entries[1].NewValue));
    }

    [TestMethod]
    public async Task AssignAsync_UnknownUser_RefusedAndUnchanged()
    {
        await _service.CreateAsync(new NewRequest("t", AssignedTo: "bob"), Reps.Alice, default);

        var result = await _service.AssignAsync(1, "mallory", Reps.Alice, default);

        Assert.AreEqual("There is no user 'mallory' to assign.", result.Error);
        Assert.AreEqual("bob", (await _service.FindAsync(1, default))!.AssignedTo);
    }

    [TestMethod]
    public async Task AddNoteAsync_Valid_NoteEntryWithText()
    {
        await _service.CreateAsync(new NewRequest("t"), Reps.Alice, default);

        await _service.AddNoteAsync(1, "Called the customer.", Reps.Bob, default);

        var note = (await _service.GetActivityAsync(1, Reps.Alice, default)).Last();
        Assert.AreEqual((Kinds.Note, "bob", "Called the customer."), (note.Kind, note.Actor, note.Text));
    }

    [TestMethod]
    [DataRow("", "Write a note first.")]
    [DataRow(" \n ", "Write a note first.")]
    public async Task AddNoteAsync_Empty_Refused(string note, string expected)
    {
        await _service.CreateAsync(new NewRequest("t"), Reps.Alice, default);

        var result = await _service.AddNoteAsync(1, note, Reps.Bob, default);

        Assert.AreEqual(expected, result.Error);
        Assert.HasCount(1, await _service.GetActivityAsync(1, Reps.Alice, default));
    }

    [TestMethod]
    public async Task AddNoteAsync_Over10000Characters_RefusedAndNothingStored()
    {
        await _service.CreateAsync(new NewRequest("t"), Reps.Alice, default);

        var result = await _service.AddNoteAsync(1, new string('n', 10_001), Reps.Bob, default);

        Assert.AreEqual("The note is too long: 10001 characters, at most 10000.", result.Error);
        Assert.HasCount(1, await _service.GetActivityAsync(1, Reps.Alice, default));
    }

    [TestMethod]
    public async Task AddNoteAsync_UnknownRequest_ClearError()
    {
        var result = await _service.AddNoteAsync(7, "hello", Reps.Bob, default);

        Assert.AreEqual("Request #7 does not exist.", result.Error);
    }

    [TestMethod]
    public async Task ListAsync_TextMatchesNumberTitleOrRequester_StatusFilters_NewestFirst()
    {
        await _service.CreateAsync(new NewRequest("Printer jam", Requester: "Dana"), Reps.Alice, default);
        await _service.CreateAsync(new NewRequest("VPN down", Requester: "Printer Team"), Reps.Alice, default);
        await _service.CreateAsync(new NewRequest("Laptop", Requester: "Eve"), Reps.Alice, default);
        await _service.ChangeStatusAsync(2, RequestStatus.InProgress, Reps.Alice, default);

        var byText = await _service.ListAsync(new RequestQuery("printer"), default);
        var byNumber = await _service.ListAsync(new RequestQuery("#3"), default);
        var byStatus = await _service.ListAsync(new RequestQuery(Status: RequestStatus.InProgress), default);
        var both = await _service.ListAsync(new RequestQuery("printer", RequestStatus.New), default);

        CollectionAssert.AreEqual(new[] { 2, 1 }, byText.Items.Select(i => i.Number).ToArray());
        CollectionAssert.AreEqual(new[] { 3 }, byNumber.Items.Select(i => i.Number).ToArray());
        CollectionAssert.AreEqual(new[] { 2 }, byStatus.Items.Select(i => i.Number).ToArray());
        CollectionAssert.AreEqual(new[] { 1 }, both.Items.Select(i => i.Number).ToArray());
    }

    [TestMethod]
    public async Task ListAsync_WildcardsInText_MatchedLiterally()
    {
        await _service.CreateAsync(new NewRequest("100% disk"), Reps.Alice, default);
        await _service.CreateAsync(new NewRequest("1000 disks"), Reps.Alice, default);

        var page = await _service.ListAsync(new RequestQuery("0%"), default);

        CollectionAssert.AreEqual(new[] { 1 }, page.Items.Select(i => i.Number).ToArray());
    }

    [TestMethod]
    public async Task ListAsync_Paging_PagesOfTheSizeAskedAndTotal()
    {
        for (var i = 0; i < 7; i++)
        {
            await _service.CreateAsync(new NewRequest($"r{i}"), Reps.Alice, default);
        }

        var first = await _service.ListAsync(new RequestQuery(PageSize: 3), default);
        var last = await _service.ListAsync(new RequestQuery(PageIndex: 2, PageSize: 3), default);
        var past = await _service.ListAsync(new RequestQuery(PageIndex: 9, PageSize: 3), default);

        CollectionAssert.AreEqual(new[] { 7, 6, 5 }, first.Items.Select(i => i.Number).ToArray());
        Assert.AreEqual((7, 3, true, false), (first.Total, first.PageCount, first.HasNext, first.HasPrevious));
        CollectionAssert.AreEqual(new[] { 1 }, last.Items.Select(i => i.Number).ToArray());
        Assert.IsFalse(last.HasNext);
        Assert.AreEqual(2, past.PageIndex, "a page past the end shows the last page");
    }

    [TestMethod]
    public async Task GetTileSummaryAsync_CountsAndOpenRequestsOfTheRepOnly()
    {
        await _service.CreateAsync(new NewRequest("a", AssignedTo: "bob"), Reps.Alice, default);
        await _service.CreateAsync(new NewRequest("b", AssignedTo: "bob"), Reps.Alice, default);
        await _service.CreateAsync(new NewRequest("c", AssignedTo: "bob"), Reps.Alice, default);
        await _service.CreateAsync(new NewRequest("d", AssignedTo: "alice"), Reps.Alice, default);
        await _service.ChangeStatusAsync(2, RequestStatus.InProgress, Reps.Bob, default);
        await _service.ChangeStatusAsync(3, RequestStatus.Closed, Reps.Bob, default);

        var summary = await _service.GetTileSummaryAsync(Reps.Bob, default);

        CollectionAssert.AreEqual(new[] { 2, 1 }, summary.Open.Select(r => r.Number).ToArray());
        Assert.AreEqual((1, 1, 0, 1), (summary.CountsByStatus[RequestStatus.New], summary.CountsByStatus[RequestStatus.InProgress], summary.CountsByStatus[RequestStatus.Resolved], summary.CountsByStatus[RequestStatus.Closed]));
    }

    [TestMethod]
    public async Task GetActivityAsync_ChatEntry_TranscriptOnlyForPrivilegedAndParticipants()
    {
        await _service.CreateAsync(new NewRequest("t"), Reps.Alice, default);
        var session = ChatSessions.Ended(1, "alice", "dave");
        await new ChatActivityWriter(_database).AppendAsync(session, default);

        var participant = (await _service.GetActivityAsync(1, Reps.Rep("Dave"), default)).Single(e => e.Kind == Kinds.Chat).Chat!;
        var privileged = (await _service.GetActivityAsync(1, Reps.Carol, default)).Single(e => e.Kind == Kinds.Chat).Chat!;
        var other = (await _service.GetActivityAsync(1, Reps.Bob, default)).Single(e => e.Kind == Kinds.Chat).Chat!;

        Assert.AreEqual("Can you restart it?", participant.Transcript![1].Text);
        Assert.HasCount(4, privileged.Transcript!);
        Assert.IsNull(other.Transcript, "bob neither took part nor is Privileged");
        CollectionAssert.AreEqual(new[] { "alice", "dave" }, other.Participants.ToArray());
        Assert.AreEqual(new TimeSpan(0, 5, 7), other.Length);
        Assert.AreEqual(session.StartedAt.UtcDateTime, other.StartedAt);
        Assert.AreEqual(session.EndedAt.UtcDateTime, other.EndedAt);
    }

    [TestMethod]
    public async Task GetActivityAsync_InTimeOrder_ChatByItsEndTime()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var service = Support.Services.Requests(_database, time: clock);
        await service.CreateAsync(new NewRequest("t"), Reps.Alice, default);
        clock.Now = clock.Now.AddMinutes(30);
        await service.AddNoteAsync(1, "later note", Reps.Alice, default);
        // A chat that ended between the two, recorded after both.
        await new ChatActivityWriter(_database).AppendAsync(ChatSessions.Ended(1, "alice", "bob") with { EndedAt = new DateTimeOffset(2026, 11, 26, 9, 10, 0, TimeSpan.Zero) }, default);

        var kinds = (await service.GetActivityAsync(1, Reps.Alice, default)).Select(e => e.Kind).ToArray();

        CollectionAssert.AreEqual(new[] { Kinds.Created, Kinds.Chat, Kinds.Note }, kinds);
    }
}
