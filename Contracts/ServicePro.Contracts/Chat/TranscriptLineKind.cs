namespace ServicePro.Contracts.Chat;

/// <summary>What a line of a chat transcript records.</summary>
public enum TranscriptLineKind
{
    /// <summary>A message an attendee sent to everyone in the session.</summary>
    Message,

    /// <summary>An attendee joined.</summary>
    Joined,

    /// <summary>An attendee left.</summary>
    Left,

    /// <summary>A note from the system (the session started or ended, Chat Time was changed, …).</summary>
    System,
}
