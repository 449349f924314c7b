namespace ServicePro.Chat.Protocol;

/// <summary>
/// What a dialog entry or transcript line records; travels as its number. The wire's own copy of the Contracts enum of
/// the same name (same members, same values), so that a client needs no ServicePro assembly but this one.
/// </summary>
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
