namespace ServicePro.Modules.Chat.Data;

/// <summary>A chat session. Chat Time is stored as an offset plus the moment it last started running, never a counter.</summary>
public sealed class ChatSessionRecord
{
    public Guid Id { get; set; }

    public int? RequestNumber { get; set; }

    public string? RequestTitle { get; set; }

    public required string Originator { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Chat Time accumulated up to <see cref="ClockRunningSince"/> (or in total while paused).</summary>
    public TimeSpan ClockOffset { get; set; }

    /// <summary>When Chat Time last started running; <c>null</c> while it is paused or after the end.</summary>
    public DateTimeOffset? ClockRunningSince { get; set; }

    /// <summary>The sequence number of the last entry of the dialog.</summary>
    public long LastSequence { get; set; }

    public List<ChatAttendeeRecord> Attendees { get; set; } = [];
}
