using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.Tests.Support;
using Kinds = ServicePro.Modules.Requests.RequestsConstants.ActivityKinds;

namespace ServicePro.Modules.Requests.Tests.Services;

/// <summary>The chat-ended handler on a real SQLite file: exactly once, who reads the transcript, and nothing lost.</summary>
[TestClass]
public sealed class ChatSessionEndedHandlerTests
{
    private TestDatabase _database = null!;
    private PendingChatSessions _pending = null!;
    private ListLogger<ChatSessionRecorder> _log = null!;
    private ChatSessionRecorder _recorder = null!;
    private ChatSessionEndedHandler _handler = null!;
    private RequestService _requests = null!;

    [TestInitialize]
    public async Task Create()
    {
        _database = await TestDatabase.CreateAsync();
        _pending = new PendingChatSessions();
        _log = new ListLogger<ChatSessionRecorder>();
        _recorder = new ChatSessionRecorder(new ChatActivityWriter(_database), _pending, new RecordingEvents(), Support.Services.FastRetries(), TimeProvider.System, _log);
        _handler = new ChatSessionEndedHandler(_recorder);
        _requests = Support.Services.Requests(_database);
        await _requests.CreateAsync(new NewRequest("Printer on fire"), Reps.Alice, default);
    }

    [TestCleanup]
    public async Task Dispose() => await _database.DisposeAsync();

    private async Task<int> ChatEntriesAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Activity.CountAsync(a => a.Kind == Kinds.Chat);
    }

    [TestMethod]
    public async Task HandleAsync_SameSessionTwice_OneEntry()
    {
        var session = ChatSessions.Ended(1, "alice", "bob");

        await _handler.HandleAsync(session, default);
        await _handler.HandleAsync(session, default);

        Assert.AreEqual(1, await ChatEntriesAsync());
    }

    [TestMethod]
    public async Task HandleAsync_SameSessionDeliveredConcurrently_OneEntry()
    {
        var session = ChatSessions.Ended(1, "alice", "bob");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _handler.HandleAsync(session, default))));

        Assert.AreEqual(1, await ChatEntriesAsync());
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
    public async Task HandleAsync_UnknownRequest_KeptLoggedThrown_ThenRecordedOnceTheRequestExists()
    {
        var session = ChatSessions.Ended(2, "alice", "bob");

        await Assert.ThrowsExactlyAsync<ChatSessionNotRecordedException>(() => _handler.HandleAsync(session, default));
        Assert.IsTrue(_pending.Contains(session.SessionId));
        Assert.IsTrue(_log.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains(session.SessionId.ToString(), StringComparison.Ordinal)));

        await _requests.CreateAsync(new NewRequest("Second"), Reps.Alice, default);
        await _recorder.RetryPendingAsync(default);

        Assert.AreEqual(0, _pending.Count);
        Assert.HasCount(1, (await _requests.GetActivityAsync(2, Reps.Alice, default)).Where(e => e.Kind == Kinds.Chat));
    }

    [TestMethod]
    public async Task HandleAsync_DatabaseUnreachable_NotLost_RecordedAfterRecovery()
    {
        var session = ChatSessions.Ended(1, "alice", "bob");
        _database.Break();

        await Assert.ThrowsExactlyAsync<ChatSessionNotRecordedException>(() => _handler.HandleAsync(session, default));
        Assert.IsTrue(_pending.Contains(session.SessionId));

        Assert.AreEqual(0, await _recorder.RetryPendingAsync(default), "still unreachable: kept");
        _database.Mend();
        Assert.AreEqual(1, await _recorder.RetryPendingAsync(default));

        Assert.AreEqual(1, await ChatEntriesAsync());
        Assert.AreEqual(0, _pending.Count);
    }

    [TestMethod]
    public async Task HandleAsync_PublisherRedeliversAfterRetryRecordedIt_StillOneEntry()
    {
        var session = ChatSessions.Ended(1, "alice", "bob");
        _database.Break();
        await Assert.ThrowsExactlyAsync<ChatSessionNotRecordedException>(() => _handler.HandleAsync(session, default));
        _database.Mend();
        await _recorder.RetryPendingAsync(default);

        // The Chat module's outbox did not know and delivers again.
        await _handler.HandleAsync(session, default);

        Assert.AreEqual(1, await ChatEntriesAsync());
    }
}
