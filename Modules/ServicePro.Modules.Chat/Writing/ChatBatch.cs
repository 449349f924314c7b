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
