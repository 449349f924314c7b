using ServicePro.Contracts.Chat;

namespace ServicePro.Modules.Requests.Tests.Support;

/// <summary>Ended chat sessions as the Chat module publishes them.</summary>
public static class ChatSessions
{
    public static ChatSessionEndedEvent Ended(int? requestNumber, params string[] participants)
    {
        var start = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        return new ChatSessionEndedEvent(
            Guid.NewGuid(),
            requestNumber,
            participants[0],
            participants,
            start,
            start.AddMinutes(6),
            new TimeSpan(0, 5, 7),
            [
                new TranscriptLine(start, participants[^1], TranscriptLineKind.Joined, string.Empty),
                new TranscriptLine(start.AddSeconds(10), participants[0], TranscriptLineKind.Message, "Can you restart it?"),
                new TranscriptLine(start.AddSeconds(30), participants[^1], TranscriptLineKind.Message, "<b>Done</b> <script>alert(1)</script>"),
                new TranscriptLine(start.AddSeconds(40), participants[0], TranscriptLineKind.Message, "Спасибо! 谢谢 🙏"),
            ]);
    }
}
