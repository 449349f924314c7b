using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePro.Contracts.Chat;
using ServicePro.Modules.Chat.Attachments;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Writing;
using ServicePro.Modules.Chat.Diagnostics;

namespace ServicePro.Modules.Chat.Application;

/// <summary>
/// Ends a session inside a write (the originator left, or stayed away too long): the session's own rules, then pending
/// invitations cancelled, the chat-ended event stored in the outbox (dispatched after the commit), and Off the Record
/// removed unless retained.
/// </summary>
public sealed class SessionCloser(IChatNotifier notifier, IOutboxSignal outbox, IOptions<ChatOptions> options, ChatMetrics? metrics = null)
{
    public async Task<SessionEndedDto> EndAsync(ChatWriteContext w, ChatSession session, string? leaver, string reason)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(session);
        var ending = session.End(leaver, reason, w.Now);
        var cancelled = await w.Db.Invitations.Where(i => i.SessionId == session.Id && i.Status == InvitationStatus.Pending).ToListAsync(w.CancellationToken);
        foreach (var invitation in cancelled)
        {
            invitation.Status = InvitationStatus.Cancelled;
            metrics?.Invitations(w, "cancelled");
        }

        w.Track();
        await w.Db.SaveChangesAsync(w.CancellationToken);
        var entries = await w.Db.Entries.AsNoTracking().Where(e => e.SessionId == session.Id && e.OffTheRecordWith == null).ToListAsync(w.CancellationToken);
        var ended = new ChatSessionEndedEvent(
            session.Id, session.Record.RequestNumber, session.Originator, session.Participants(),
            session.Record.StartedAt, w.Now, ending.Length,
            TranscriptBuilder.Build(entries, await ChatAttachmentDtos.ForSessionsAsync(w.Db, [session.Id], 0, w.CancellationToken)));
        w.Db.Outbox.Add(new ChatOutboxRecord { SessionId = session.Id, Payload = JsonSerializer.Serialize(ended), CreatedAt = w.Now, TraceParent = ChatTracing.CurrentTraceParent() });
        if (!options.Value.RetainOffTheRecord)
        {
            await w.Db.Entries.Where(e => e.SessionId == session.Id && e.OffTheRecordWith != null).ExecuteDeleteAsync(w.CancellationToken);
        }

        var dto = new SessionEndedDto(session.Id, w.Now, ending.Length, reason);
        foreach (var note in ending.Notes.Select(ChatDtos.Entry))
        {
            w.AfterCommit(() => notifier.ToUsersAsync(ending.Attendees, new EntryAddedEvent(note)));
        }

        w.AfterCommit(() => notifier.ToUsersAsync(ending.Attendees, new SessionEndedEvent(dto)));
        foreach (var closed in cancelled.Select(i => ChatDtos.Invitation(i, session.Record)))
        {
            w.AfterCommit(() => notifier.ToUsersAsync([closed.Invitee, closed.InvitedBy], new InvitationClosedEvent(closed)));
        }

        w.AfterCommit(() =>
        {
            outbox.Signal();
            return Task.CompletedTask;
        });
        return dto;
    }
}
