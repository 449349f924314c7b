using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Security;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Attachments;

/// <summary>
/// An attachment for whoever may read its entry: an Off the Record one only by its two people; otherwise whoever may
/// read the dialog (<see cref="ChatSession.IsReadableBy"/>), and, once a request's chat has ended, whoever may read its
/// transcript in the Activity Stream (<see cref="TranscriptAccess"/>, the rule the Requests module applies to it).
/// </summary>
public sealed class ChatAttachmentReader(IChatDbFactory databases, IChatAttachmentStore store)
{
    public async Task<ChatAttachmentDownload> ReadAsync(ClaimsPrincipal user, Guid attachmentId, CancellationToken cancellationToken)
    {
        var caller = ChatCaller.From(user);
        await using var db = databases.Create();
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken)
            ?? throw NotFound();
        var entry = await db.Entries.AsNoTracking()
            .FirstAsync(e => e.SessionId == attachment.SessionId && e.Sequence == attachment.Sequence, cancellationToken);
        var record = await db.Sessions.AsNoTracking().Include(s => s.Attendees).FirstAsync(s => s.Id == attachment.SessionId, cancellationToken);
        if (!MayRead(user, caller.UserName, ChatSession.Load(record, record.Attendees), entry))
        {
            throw new ChatException(ChatConstants.Errors.NotAttendee, "You may not read this attachment.");
        }

        var content = await store.ReadAsync(attachmentId, cancellationToken) ?? throw NotFound();
        return new ChatAttachmentDownload(ChatAttachmentDtos.From(attachment), content);
    }

    internal static bool MayRead(ClaimsPrincipal user, string me, ChatSession session, ChatEntryRecord entry)
    {
        if (entry.OffTheRecordWith is { } otr)
        {
            return session.IsReadableBy(me)
                && (string.Equals(me, entry.Author, StringComparison.OrdinalIgnoreCase) || string.Equals(me, otr, StringComparison.OrdinalIgnoreCase));
        }

        return session.IsReadableBy(me)
            || (session.IsEnded && session.Record.RequestNumber is not null
                && TranscriptAccess.CanRead(user, session.AllAttendees.Select(a => a.UserName)));
    }

    private static ChatException NotFound() => new(ChatConstants.Errors.AttachmentNotFound, "There is no such attachment.");
}

/// <summary>An attachment's description and bytes.</summary>
public sealed record ChatAttachmentDownload(ChatAttachmentDto Attachment, byte[] Content);
