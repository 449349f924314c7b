using ServicePro.Modules.Chat.Attachments;
using ServicePro.Modules.Chat.Data;

namespace ServicePro.Modules.Chat.Services;

/// <summary>A session's transcript: every entry in order except Off the Record messages.</summary>
public static class TranscriptBuilder
{
    /// <summary>The transcript the ended event carries to other modules (Contracts' lines).</summary>
    public static IReadOnlyList<Contracts.Chat.TranscriptLine> Build(IEnumerable<ChatEntryRecord> entries, ILookup<(Guid, long), ChatAttachmentRecord>? attachments = null) =>
        Lines(entries)
            .Select(e => new Contracts.Chat.TranscriptLine(e.Time, e.Author, (Contracts.Chat.TranscriptLineKind)e.Kind, e.Text)
            {
                Attachments = attachments is null ? [] : [.. attachments[(e.SessionId, e.Sequence)].Select(ChatAttachmentDtos.ForTranscript)],
            })
            .ToList();

    /// <summary>The same transcript as the hub sends it (the wire's lines, in <see cref="ChatSessionSummaryDto"/>).</summary>
    public static IReadOnlyList<TranscriptLine> BuildForClients(IEnumerable<ChatEntryRecord> entries, ILookup<(Guid, long), ChatAttachmentRecord>? attachments = null) =>
        Lines(entries).Select(e => new TranscriptLine(e.Time, e.Author, e.Kind, e.Text)
        {
            Attachments = attachments is null ? [] : [.. attachments[(e.SessionId, e.Sequence)].Select(ChatAttachmentDtos.From)],
        }).ToList();

    public static IReadOnlyList<string> Participants(ChatSessionRecord session, IEnumerable<ChatAttendeeRecord> attendees)
    {
        ArgumentNullException.ThrowIfNull(session);
        return [session.Originator, .. attendees.Where(a => !string.Equals(a.UserName, session.Originator, StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.JoinedAt).Select(a => a.UserName)];
    }

    private static IEnumerable<ChatEntryRecord> Lines(IEnumerable<ChatEntryRecord> entries) =>
        entries.Where(e => e.OffTheRecordWith is null).OrderBy(e => e.Sequence);
}
