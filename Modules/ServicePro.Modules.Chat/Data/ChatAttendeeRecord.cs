namespace ServicePro.Modules.Chat.Data;

/// <summary>A rep who joined a session; <see cref="LeftAt"/> is set when they leave or the session ends.</summary>
public sealed class ChatAttendeeRecord
{
    public Guid SessionId { get; set; }

    public required string UserName { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public DateTimeOffset? LeftAt { get; set; }
}
