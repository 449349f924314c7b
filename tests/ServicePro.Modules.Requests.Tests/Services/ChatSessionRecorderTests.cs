using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Moq;
using ServicePro.Contracts.Chat;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.Tests.Support;

namespace ServicePro.Modules.Requests.Tests.Services;

/// <summary>Retries (Polly), the pending queue and the log, with the writer played by Moq.</summary>
[TestClass]
public sealed class ChatSessionRecorderTests
{
    private readonly Mock<IChatActivityWriter> _writer = new(MockBehavior.Strict);
    private readonly PendingChatSessions _pending = new();
    private readonly RecordingEvents _events = new();
    private readonly ListLogger<ChatSessionRecorder> _log = new();

    private ChatSessionRecorder Recorder(int attempts = 2) =>
        new(_writer.Object, _pending, _events, Support.Services.FastRetries(attempts), TimeProvider.System, _log);

    [TestMethod]
    public async Task RecordAsync_FailsTwiceThenWorks_RecordedOnceAndPagesTold()
    {
        var session = ChatSessions.Ended(5, "alice", "bob");
        _writer.SetupSequence(w => w.AppendAsync(session, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SqliteException("database is locked", 5))
            .ThrowsAsync(new RequestNotFoundException(5))
            .ReturnsAsync(true);

        var added = await Recorder(attempts: 2).RecordAsync(session, default);

        Assert.IsTrue(added);
        _writer.Verify(w => w.AppendAsync(session, It.IsAny<CancellationToken>()), Times.Exactly(3));
        Assert.AreEqual(0, _pending.Count);
        Assert.Contains(new RequestActivityAddedEvent(5), _events.Published);
    }

    [TestMethod]
    public async Task RecordAsync_StillFailingAfterRetries_KeptLoggedBySessionAndThrown()
    {
        var session = ChatSessions.Ended(5, "alice", "bob");
        _writer.Setup(w => w.AppendAsync(session, It.IsAny<CancellationToken>())).ThrowsAsync(new SqliteException("unable to open database file", 14));

        var thrown = await Assert.ThrowsExactlyAsync<ChatSessionNotRecordedException>(() => Recorder(attempts: 2).RecordAsync(session, default));

        Assert.AreEqual(session.SessionId, thrown.SessionId);
        _writer.Verify(w => w.AppendAsync(session, It.IsAny<CancellationToken>()), Times.Exactly(3));
        Assert.IsTrue(_pending.Contains(session.SessionId));
        Assert.IsTrue(_log.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains(session.SessionId.ToString(), StringComparison.Ordinal)),
            "the log names the session");
        Assert.IsEmpty(_events.Published);
    }

    [TestMethod]
    public async Task RetryPendingAsync_WriterRecovered_RecordedAndLeavesQueue()
    {
        var session = ChatSessions.Ended(5, "alice", "bob");
        _writer.SetupSequence(w => w.AppendAsync(session, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SqliteException("unable to open database file", 14))
            .ThrowsAsync(new SqliteException("unable to open database file", 14))
            .ReturnsAsync(true);
        var recorder = Recorder(attempts: 1);
        await Assert.ThrowsExactlyAsync<ChatSessionNotRecordedException>(() => recorder.RecordAsync(session, default));

        var done = await recorder.RetryPendingAsync(default);

        Assert.AreEqual(1, done);
        Assert.AreEqual(0, _pending.Count);
        Assert.Contains(new RequestActivityAddedEvent(5), _events.Published);
    }

    [TestMethod]
    public async Task RetryPendingAsync_StillFailing_StaysQueuedAndLogsTheSession()
    {
        var session = ChatSessions.Ended(5, "alice", "bob");
        _pending.Keep(session);
        _writer.Setup(w => w.AppendAsync(session, It.IsAny<CancellationToken>())).ThrowsAsync(new RequestNotFoundException(5));

        var done = await Recorder().RetryPendingAsync(default);

        Assert.AreEqual(0, done);
        Assert.IsTrue(_pending.Contains(session.SessionId));
        Assert.IsTrue(_log.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains(session.SessionId.ToString(), StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task RecordAsync_AlreadyRecorded_NoNewActivityEvent()
    {
        var session = ChatSessions.Ended(5, "alice", "bob");
        _writer.Setup(w => w.AppendAsync(session, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var added = await Recorder().RecordAsync(session, default);

        Assert.IsFalse(added);
        Assert.IsEmpty(_events.Published);
    }

    [TestMethod]
    public async Task HandleAsync_WorkbenchSession_NotRecorded()
    {
        var handler = new ChatSessionEndedHandler(Recorder());

        await handler.HandleAsync(ChatSessions.Ended(null, "alice", "bob"), default);

        _writer.Verify(w => w.AppendAsync(It.IsAny<ChatSessionEndedEvent>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
