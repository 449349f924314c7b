using System.Collections.Concurrent;
using ServicePro.Contracts.Chat;

namespace ServicePro.Modules.Requests.Services;

/// <summary>
/// Chat sessions that could not be recorded yet, kept in memory and retried by <see cref="PendingChatSessionRetrier"/>.
/// What survives a restart is the publisher's business: the Chat module keeps its own outbox until a delivery succeeds.
/// </summary>
public sealed class PendingChatSessions
{
    private readonly ConcurrentDictionary<Guid, ChatSessionEndedEvent> _sessions = new();

    public int Count => _sessions.Count;

    public bool Contains(Guid sessionId) => _sessions.ContainsKey(sessionId);

    public void Keep(ChatSessionEndedEvent session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _sessions[session.SessionId] = session;
    }

    public void Remove(Guid sessionId) => _sessions.TryRemove(sessionId, out _);

    public IReadOnlyList<ChatSessionEndedEvent> Snapshot() => _sessions.Values.OrderBy(s => s.EndedAt).ToList();
}
