namespace ServicePro.Chat.Protocol;

/// <summary>A session the caller took part in, for the Messages view, with its transcript (no Off the Record lines).</summary>
public sealed record ChatSessionSummaryDto(
    Guid SessionId,
    int? RequestNumber,
    string Originator,
    IReadOnlyList<string> Participants,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    TimeSpan Length,
    IReadOnlyList<TranscriptLine> Transcript);
