using ServicePro.Contracts.Chat;

namespace ServicePro.Modules.Requests.Services;

/// <summary>
/// A chat session on a request. <see cref="Transcript"/> is <c>null</c> when the viewer may not read it (neither
/// <c>Privileged</c> nor a participant): they still see that it took place, who took part and how long it was.
/// </summary>
public sealed record ChatActivityView(
    Guid SessionId,
    IReadOnlyList<string> Participants,
    DateTime StartedAt,
    DateTime EndedAt,
    TimeSpan Length,
    IReadOnlyList<TranscriptLine>? Transcript)
{
    public bool TranscriptVisible => Transcript is not null;
}
