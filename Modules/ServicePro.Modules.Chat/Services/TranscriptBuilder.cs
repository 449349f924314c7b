using ServicePro.Contracts.Chat;
using ServicePro.Modules.Chat.Data;

namespace ServicePro.Modules.Chat.Services;

/// <summary>A session's transcript: every entry in order except Off the Record messages.</summary>
public static class TranscriptBuilder
{
    public static IReadOnlyList<TranscriptLine> Build(IEnumerable<ChatEntryRecord> entries) =>
        entries.Where(e => e.OffTheRecordWith is null)
            .OrderBy(e => e.Sequence)
            .Select(e => new TranscriptLine(e.Time, e.Author, e.Kind, e.Text))
            .ToList();

    public static IReadOnlyList<string> Participants(ChatSessionRecord session, IEnumerable<ChatAttendeeRecord> attendees)
    {
        ArgumentNullException.ThrowIfNull(session);
        return [session.Originator, .. attendees.Where(a => !string.Equals(a.UserName, session.Originator, StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.JoinedAt).Select(a => a.UserName)];
    }
}
