using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ServicePro.Contracts.Chat;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.Tests.Support;
using Kinds = ServicePro.Modules.Requests.RequestsConstants.ActivityKinds;

namespace ServicePro.Modules.Requests.Tests.Services;

/// <summary>
/// The chat-ended handler on a real SQLite file: one idempotent append, who reads the transcript, and a failure
/// thrown to the publisher (the Chat module's outbox, which delivers again later) instead of kept here.
/// </summary>
[TestClass]
public sealed class ChatSessionEndedHandlerTests
{
    private TestDatabase _database = null!;
    private RecordingEvents _events = null!;
    private ChatSessionEndedHandler _handler = null!;
    private RequestService _requests = null!;

    [TestInitialize]
    public async Task Create()
    {
        _database = await TestDatabase.CreateAsync();
        _events = new RecordingEvents();
        _handler = new ChatSessionEndedHandler(new ChatActivityWriter(_database), _events, NullLogger<ChatSessionEndedHandler>.Instance);
        _requests = Support.Services.Requests(_database);
        await _requests.CreateAsync(new NewRequest("Принтер горит 🔥 打印机着火了"), Reps.Alice, default);
    }

    [TestCleanup]
    public async Task Dispose() => await _database.DisposeAsync();

    private async Task<IReadOnlyList<ActivityView>> ChatEntriesAsync(int number = 1) =>
        (await _requests.GetActivityAsync(number, Reps.Alice, default)).Where(e => e.Kind == Kinds.Chat).ToList();

    private int Notifications() => _events.Published.OfType<RequestActivityAddedEvent>().Count();

    [TestMethod]
    public async Task HandleAsync_SameSessionTwice_OnceInTheActivityStream_OpenPagesToldOnce()
    {
        var session = ChatSessions.Ended(1, "alice", "bob");

        await _handler.HandleAsync(session, default);
        await _handler.HandleAsync(session, default);

        var entry = (await ChatEntriesAsync()).Single();
        Assert.AreEqual(session.SessionId, entry.Chat!.SessionId);
        Assert.AreEqual(1, Notifications());
    }

    [TestMethod]
    public async Task HandleAsync_SameSessionDeliveredConcurrently_OneEntry()
    {
        var session = ChatSessions.Ended(1, "alice", "bob");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _handler.HandleAsync(session, default))));

        Assert.HasCount(1, await ChatEntriesAsync());
    }

    [TestMethod]
    public async Task HandleAsync_RecordedEntry_ShowsParticipantsTimesAndLengthToAll_TranscriptToPrivilegedAndParticipants()
    {
        var session = ChatSessions.Ended(1, "alice", "dave");

        await _handler.HandleAsync(session, default);

        var forBob = (await _requests.GetActivityAsync(1, Reps.Bob, default)).Single(e => e.Kind == Kinds.Chat);
        var forDave = (await _requests.GetActivityAsync(1, Reps.Rep("dave"), default)).Single(e => e.Kind == Kinds.Chat);
        var forCarol = (await _requests.GetActivityAsync(1, Reps.Carol, default)).Single(e => e.Kind == Kinds.Chat);
        Assert.AreEqual("alice", forBob.Actor);
        CollectionAssert.AreEqual(new[] { "alice", "dave" }, forBob.Chat!.Participants.ToArray());
        Assert.AreEqual("0:05:07", Duration.Format(forBob.Chat.Length));
        Assert.IsNull(forBob.Chat.Transcript);
        CollectionAssert.AreEqual(session.Transcript.ToArray(), forDave.Chat!.Transcript!.ToArray());
        CollectionAssert.AreEqual(session.Transcript.ToArray(), forCarol.Chat!.Transcript!.ToArray());
    }

    [TestMethod]
    public async Task HandleAsync_WorkbenchSession_NothingStored()
    {
        await _handler.HandleAsync(ChatSessions.Ended(null, "alice", "bob"), default);

        Assert.IsEmpty(await ChatEntriesAsync());
        Assert.AreEqual(0, Notifications());
    }

    [TestMethod]
    public async Task HandleAsync_AppendFails_ThrowsTheFailureToThePublisher_NothingAnnounced()
    {
        var writer = new Mock<IChatActivityWriter>();
        writer.Setup(w => w.AppendAsync(It.IsAny<ChatSessionEndedEvent>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DbUpdateException("database is locked"));
        var handler = new ChatSessionEndedHandler(writer.Object, _events, NullLogger<ChatSessionEndedHandler>.Instance);

        var ex = await Assert.ThrowsExactlyAsync<DbUpdateException>(() => handler.HandleAsync(ChatSessions.Ended(1, "alice", "bob"), default));

        Assert.AreEqual("database is locked", ex.Message);
        writer.Verify(w => w.AppendAsync(It.IsAny<ChatSessionEndedEvent>(), It.IsAny<CancellationToken>()), Times.Once, "no retry of its own: the outbox owns delivery");
        Assert.AreEqual(0, Notifications());
    }

    [TestMethod]
    public async Task HandleAsync_DatabaseUnreachable_Throws_RecordedOnceWhenThePublisherDeliversAgain()
    {
        var session = ChatSessions.Ended(1, "alice", "bob");
        _database.Break();

        await Assert.ThrowsExactlyAsync<SqliteException>(() => _handler.HandleAsync(session, default));
        _database.Mend();
        Assert.IsEmpty(await ChatEntriesAsync(), "nothing kept or retried behind the publisher's back");

        // The Chat module's outbox delivers again after its back-off, and once more after a stop before its mark.
        await _handler.HandleAsync(session, default);
        await _handler.HandleAsync(session, default);

        Assert.HasCount(1, await ChatEntriesAsync());
        Assert.AreEqual(1, Notifications());
    }

    [TestMethod]
    public async Task HandleAsync_UnknownRequest_Throws_RecordedOnRedeliveryOnceTheRequestExists()
    {
        var session = ChatSessions.Ended(2, "alice", "bob");

        await Assert.ThrowsExactlyAsync<RequestNotFoundException>(() => _handler.HandleAsync(session, default));
        await _requests.CreateAsync(new NewRequest("Second"), Reps.Alice, default);
        await _handler.HandleAsync(session, default);

        Assert.HasCount(1, await ChatEntriesAsync(2));
    }
}
