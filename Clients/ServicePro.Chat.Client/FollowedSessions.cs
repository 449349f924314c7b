using ServicePro.Chat.Protocol;

namespace ServicePro.Chat.Client;

/// <summary>
/// The sessions whose dialog the client delivers, and which of their entries it delivered: each entry once, in order.
/// When the connection drops, each session remembers the last entry it had; until its catch-up (entries after that
/// one) is done, live entries that the new connection brings are held back, so that none is skipped or reordered.
/// </summary>
internal sealed class FollowedSessions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Followed> _sessions = [];

    public void Follow(Guid sessionId)
    {
        lock (_gate)
        {
            Get(sessionId);
        }
    }

    /// <summary>Entries the caller fetched itself: delivered already, never raised.</summary>
    public void Seen(Guid sessionId, IEnumerable<ChatEntryDto> entries)
    {
        lock (_gate)
        {
            var session = Get(sessionId);
            foreach (var entry in entries)
            {
                session.Seen.Add(entry.Sequence);
            }
        }
    }

    /// <summary>A live entry: what to raise now (nothing if delivered before or held back until the catch-up).</summary>
    public IReadOnlyList<ChatEntryDto> Receive(ChatEntryDto entry)
    {
        lock (_gate)
        {
            var session = Get(entry.SessionId);
            if (session.Seen.Contains(entry.Sequence))
            {
                return [];
            }

            if (session.CatchUpAfter is not null)
            {
                session.HeldBack[entry.Sequence] = entry;
                return [];
            }

            session.Seen.Add(entry.Sequence);
            return [entry];
        }
    }

    /// <summary>The connection dropped: every session needs a catch-up from the last entry it had (kept over further drops).</summary>
    public void Dropped()
    {
        lock (_gate)
        {
            foreach (var session in _sessions.Values)
            {
                session.CatchUpAfter ??= session.Seen.Count == 0 ? 0 : session.Seen.Max();
            }
        }
    }

    public IReadOnlyList<(Guid SessionId, long After)> CatchUps()
    {
        lock (_gate)
        {
            return [.. _sessions.Where(s => s.Value.CatchUpAfter is not null).Select(s => (s.Key, s.Value.CatchUpAfter!.Value))];
        }
    }

    /// <summary>A session's catch-up came back: the missed and held-back entries not delivered yet, in order.</summary>
    public IReadOnlyList<ChatEntryDto> CaughtUp(Guid sessionId, IEnumerable<ChatEntryDto> missed)
    {
        lock (_gate)
        {
            if (!_sessions.TryGetValue(sessionId, out var session))
            {
                return [];
            }

            foreach (var entry in missed)
            {
                session.HeldBack.TryAdd(entry.Sequence, entry);
            }

            session.CatchUpAfter = null;
            return Release(session);
        }
    }

    /// <summary>Stops following a session (it ended, or the rep is no longer in it); returns what was held back.</summary>
    public IReadOnlyList<ChatEntryDto> Unfollow(Guid sessionId)
    {
        lock (_gate)
        {
            return _sessions.Remove(sessionId, out var session) ? Release(session) : [];
        }
    }

    private static List<ChatEntryDto> Release(Followed session)
    {
        var released = session.HeldBack.Values.Where(e => session.Seen.Add(e.Sequence)).ToList();
        session.HeldBack.Clear();
        return released;
    }

    private Followed Get(Guid sessionId)
    {
        if (!_sessions.TryGetValue(sessionId, out var session))
        {
            session = new Followed();
            _sessions[sessionId] = session;
        }

        return session;
    }

    private sealed class Followed
    {
        public HashSet<long> Seen { get; } = [];

        /// <summary>Set from a drop until the catch-up is done: the last entry the session had before the drop.</summary>
        public long? CatchUpAfter { get; set; }

        /// <summary>Entries waiting for the catch-up, by sequence (so released in order).</summary>
        public SortedDictionary<long, ChatEntryDto> HeldBack { get; } = [];
    }
}
