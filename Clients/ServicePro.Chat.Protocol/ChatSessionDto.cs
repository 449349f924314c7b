namespace ServicePro.Chat.Protocol;

/// <summary>A session as an attendee sees it.</summary>
public sealed record ChatSessionDto(
    Guid SessionId,
    int? RequestNumber,
    string? RequestTitle,
    string Originator,
    IReadOnlyList<string> Attendees,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    ChatTimeDto ChatTime,
    long LastSequence);
