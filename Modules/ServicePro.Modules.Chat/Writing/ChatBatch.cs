using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Domain;

namespace ServicePro.Modules.Chat.Writing;

/// <summary>
/// What the batched writes of one batch share between two writes saved alone (it is cleared whenever such a write
/// runs, because that write may change who is in a session).
/// </summary>
public sealed class ChatBatch
{
    private readonly Dictionary<Guid, ChatSession> _sessions = [];
    private readonly Dictionary<SentMessageKey, ChatEntryDto> _sent = [];

    /// <summary>Sessions already loaded in this batch, with their attendees (messages do not change them).</summary>
    public bool TryGetSession(Guid sessionId, out ChatSession session) => _sessions.TryGetValue(sessionId, out session!);

    public void Remember(ChatSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _sessions[session.Id] = session;
    }

    /// <summary>
    /// Loads the batch's sessions and their attendees up front, in two queries for the whole batch instead of two per
    /// session (at 1,000 msgs/s that was about two SELECTs per message). Read inside the batch's transaction — after its
    /// up-front row locks on a server database, under SQLite's write lock on SQLite — so what is read is what the batch
    /// writes on. A session the previous batch of messages left <paramref name="kept"/> (SQLite) is taken from there
    /// instead of read again. A session not found is left for <see cref="ChatWriteContext.SessionAsync"/> to refuse.
    /// </summary>
    internal async Task PreloadAsync(ChatDbContext db, IReadOnlyCollection<Guid> sessionIds, ChatSessionCache? kept, CancellationToken cancellationToken)
    {
        var wanted = new List<Guid>(sessionIds.Count);
        foreach (var id in sessionIds.Where(id => !_sessions.ContainsKey(id)))
        {
            if (kept is not null && kept.TryTake(id, db, out var session))
            {
                Remember(session);
            }
            else
            {
                wanted.Add(id);
            }
        }

        if (wanted.Count == 0)
        {
            return;
        }

        List<ChatSessionRecord> records;
        List<ChatAttendeeRecord> attendees;
        if (wanted.Count == 1)
        {
            var id = wanted[0];
            records = await db.Sessions.Where(s => s.Id == id).ToListAsync(cancellationToken);
            attendees = await db.Attendees.Where(a => a.SessionId == id).ToListAsync(cancellationToken);
        }
        else
        {
            records = await db.Sessions.Where(s => wanted.Contains(s.Id)).ToListAsync(cancellationToken);
            attendees = await db.Attendees.Where(a => wanted.Contains(a.SessionId)).ToListAsync(cancellationToken);
        }

        var bySession = attendees.ToLookup(a => a.SessionId);
        foreach (var record in records)
        {
            Remember(ChatSession.Load(record, bySession[record.Id]));
        }
    }

    /// <summary>The sessions this batch holds now.</summary>
    internal IEnumerable<ChatSession> Sessions => _sessions.Values;

    /// <summary>A message with the same id from the same author, already stored earlier in this batch.</summary>
    public bool TryGetSent(SentMessageKey key, out ChatEntryDto entry) => _sent.TryGetValue(key, out entry!);

    public void RememberSent(SentMessageKey key, ChatEntryDto entry) => _sent[key] = entry;

    internal void Clear()
    {
        _sessions.Clear();
        _sent.Clear();
    }
}

/// <summary>A message's identity for resends: the same author sending the same client id to the same session.</summary>
public readonly record struct SentMessageKey(Guid SessionId, string Author, Guid ClientMessageId);
