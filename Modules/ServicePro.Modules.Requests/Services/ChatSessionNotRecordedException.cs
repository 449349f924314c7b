namespace ServicePro.Modules.Requests.Services;

/// <summary>
/// Thrown to the publisher of a chat session that could not be recorded after the immediate retries. The session is
/// kept and retried later; a durable publisher should keep it too.
/// </summary>
public sealed class ChatSessionNotRecordedException(Guid sessionId, int requestNumber, Exception inner)
    : Exception($"Chat session {sessionId} could not be added to request #{requestNumber}; it is kept and retried later. {inner.Message}", inner)
{
    public Guid SessionId { get; } = sessionId;

    public int RequestNumber { get; } = requestNumber;
}
