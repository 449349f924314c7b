using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Data;

namespace ServicePro.Modules.Chat.Attachments;

/// <summary>Attachments as the API returns them, and the lookups that put them onto entries and transcript lines.</summary>
internal static class ChatAttachmentDtos
{
    public static ChatAttachmentDto From(ChatAttachmentRecord a) => new(a.Id, a.FileName, a.ContentType, a.Length);

    public static Contracts.Chat.TranscriptAttachment ForTranscript(ChatAttachmentRecord a) => new(a.Id, a.FileName, a.ContentType, a.Length);

    /// <summary>The attachments of the given sessions' entries (one query; descriptions only, never bytes).</summary>
    public static async Task<ILookup<(Guid SessionId, long Sequence), ChatAttachmentRecord>> ForSessionsAsync(
        ChatDbContext db, IReadOnlyCollection<Guid> sessionIds, long afterSequence, CancellationToken cancellationToken)
    {
        var records = await db.Attachments.AsNoTracking()
            .Where(a => sessionIds.Contains(a.SessionId) && a.Sequence > afterSequence)
            .ToListAsync(cancellationToken);
        return records.ToLookup(a => (a.SessionId, a.Sequence));
    }

    public static ChatEntryDto WithAttachments(ChatEntryDto entry, ILookup<(Guid SessionId, long Sequence), ChatAttachmentRecord> attachments) =>
        attachments.Contains((entry.SessionId, entry.Sequence))
            ? entry with { Attachments = [.. attachments[(entry.SessionId, entry.Sequence)].Select(From)] }
            : entry;
}
