namespace ServicePro.Modules.Chat.Data;

/// <summary>A chat-ended event stored with the session's end, dispatched after commit until a handler run succeeds, then deleted.</summary>
public sealed class ChatOutboxRecord
{
    public long Id { get; set; }

    public Guid SessionId { get; set; }

    /// <summary>The <see cref="Contracts.Chat.ChatSessionEndedEvent"/> as JSON.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by earlier versions, which kept dispatched rows; such rows are deleted by the dispatcher.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>The W3C traceparent of the write that ended the session, so that the dispatch links to it (null when not traced).</summary>
    public string? TraceParent { get; set; }
}
