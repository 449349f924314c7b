using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Domain;

namespace ServicePro.Modules.Chat.Writing;

/// <summary>
/// The sessions a batch of messages left behind, as committed, for the writer's next batch of messages: on SQLite, at
/// the low rates where every message is a batch of its own, reading the session and its attendees again was the largest
/// part of a batch. Only what a committed batch of nothing but messages held is kept (messages change a session's
/// sequence and nothing else); any other write or a rolled-back batch forgets everything, because it may have changed
/// who is in a session or ended it.
/// A kept session is checked when it is written, not read again: joining, leaving and ending all add an entry, so if
/// another writer on the same file (a second host, which SQLite deployments do not support) changed it, the next
/// message's sequence number is taken already (the entry's key) and the session's sequence has moved on (a concurrency
/// token). The batch is rolled back and re-run carefully, which reads the database; nothing wrong is stored or sent.
/// Checking before use instead costs a query, which is what keeping saves (measured: bench/ServicePro.Bench.Writer).
/// Should such rollbacks become common (at least <see cref="MissesTolerated"/> and more than one in a hundred batches
/// that used kept sessions), another writer is at work on the file and the cache turns itself off.
/// </summary>
internal sealed class ChatSessionCache(int capacity)
{
    /// <summary>Rolled-back batches that used kept sessions before the cache may turn itself off.</summary>
    public const int MissesTolerated = 10;

    private readonly Dictionary<Guid, ChatSession> _sessions = [];
    private int _taken;
    private long _used;
    private long _missed;

    /// <summary>False once batches that used kept sessions are rolled back too often (another writer on the file).</summary>
    public bool Enabled { get; private set; } = true;

    /// <summary>
    /// Takes a kept session out and hands its row to the batch's context, unchanged since its commit. Only the session's
    /// row: a batch that takes kept sessions holds nothing but messages, which move a session's sequence on and change
    /// none of its attendees, so tracking them (five per session, hundreds of sessions in a full batch) would be work for
    /// nothing. Setting the row's state does not follow its navigations (as <c>Attach</c> would), and EF takes the
    /// attendees in the row's list, unchanged since, for what they are.
    /// </summary>
    public bool TryTake(Guid sessionId, DbContext db, out ChatSession session)
    {
        if (!Enabled || !_sessions.Remove(sessionId, out session!))
        {
            session = null!;
            return false;
        }

        db.Entry(session.Record).State = EntityState.Unchanged;
        _taken++;
        return true;
    }

    /// <summary>Keeps the sessions of a committed batch of messages (all of them forgotten when there are too many).</summary>
    public void Keep(IEnumerable<ChatSession> sessions)
    {
        _used += _taken;
        _taken = 0;
        if (!Enabled)
        {
            return;
        }

        foreach (var session in sessions)
        {
            if (_sessions.Count >= capacity && !_sessions.ContainsKey(session.Id))
            {
                _sessions.Clear();
            }

            _sessions[session.Id] = session;
        }
    }

    /// <summary>Forgets everything: another write may have changed a kept session.</summary>
    public void Clear()
    {
        _sessions.Clear();
        _used += _taken;
        _taken = 0;
    }

    /// <summary>A batch was rolled back: forgets everything, and counts it against the cache if it used kept sessions.</summary>
    /// <returns>True when this turned the cache off.</returns>
    public bool RolledBack()
    {
        var missed = _taken > 0;
        Clear();
        if (!missed || !Enabled)
        {
            return false;
        }

        _missed++;
        Enabled = _missed < MissesTolerated || _missed * 100 <= _used;
        return !Enabled;
    }
}
