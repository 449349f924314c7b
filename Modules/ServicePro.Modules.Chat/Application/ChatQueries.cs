using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Attachments;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Application;

/// <summary>What a rep may read: her sessions, their dialogs (Off the Record only between its two people), invitations, history.</summary>
public sealed class ChatQueries(IChatDbFactory databases, TimeProvider time)
{
    public async Task<ChatSessionDto> GetSessionAsync(ChatCaller caller, Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create();
        var session = await ReadableSessionAsync(db, caller, sessionId, cancellationToken);
        return ChatDtos.Session(session, time.GetUtcNow());
    }

    /// <summary>The dialog after <paramref name="afterSequence"/>, as the caller may see it.</summary>
    public async Task<IReadOnlyList<ChatEntryDto>> GetEntriesAsync(ChatCaller caller, Guid sessionId, long afterSequence, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create();
        await ReadableSessionAsync(db, caller, sessionId, cancellationToken);
        var me = caller.UserName;
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.SessionId == sessionId && e.Sequence > afterSequence)
            .Where(e => e.OffTheRecordWith == null || e.Author == me || e.OffTheRecordWith == me)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var attachments = await ChatAttachmentDtos.ForSessionsAsync(db, [sessionId], afterSequence, cancellationToken);
        return [.. entries.Select(e => ChatAttachmentDtos.WithAttachments(ChatDtos.Entry(e), attachments))];
    }

    /// <summary>The running sessions the caller is in: a shell opened again (a reload, a new tab) shows their windows.</summary>
    public async Task<IReadOnlyList<ChatSessionDto>> GetMyLiveSessionsAsync(ChatCaller caller, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create();
        var me = caller.UserName;
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EndedAt == null && s.Attendees.Any(a => a.UserName == me && a.LeftAt == null))
            .Include(s => s.Attendees)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. sessions.OrderBy(s => s.StartedAt).Select(s => ChatDtos.Session(ChatSession.Load(s, s.Attendees), now))];
    }

    public async Task<IReadOnlyList<ChatInvitationDto>> GetMyInvitationsAsync(ChatCaller caller, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create();
        var now = time.GetUtcNow();
        var me = caller.UserName;
        var pending = await db.Invitations.AsNoTracking()
            .Where(i => i.Invitee == me && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .Join(db.Sessions.AsNoTracking(), i => i.SessionId, s => s.Id, (i, s) => new { i, s })
            .ToListAsync(cancellationToken);
        return [.. pending.Select(x => ChatDtos.Invitation(x.i, x.s))];
    }

    /// <summary>
    /// Ended sessions the caller took part in — Workbench sessions, and request sessions with their request number —
    /// newest first, with their transcripts (never Off the Record lines).
    /// </summary>
    public async Task<IReadOnlyList<ChatSessionSummaryDto>> GetMySessionsAsync(ChatCaller caller, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create();
        var me = caller.UserName;
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EndedAt != null && s.Attendees.Any(a => a.UserName == me))
            .OrderByDescending(s => s.EndedAt)
            .Take(Math.Clamp(take, 1, 200))
            .Include(s => s.Attendees)
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        var entries = (await db.Entries.AsNoTracking()
                .Where(e => ids.Contains(e.SessionId) && e.OffTheRecordWith == null)
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.SessionId);
        var attachments = await ChatAttachmentDtos.ForSessionsAsync(db, ids, 0, cancellationToken);
        return [.. sessions.Select(s =>
        {
            var session = ChatSession.Load(s, s.Attendees);
            return new ChatSessionSummaryDto(
                s.Id, s.RequestNumber, s.Originator, session.Participants(), s.StartedAt, s.EndedAt,
                session.ChatTimeAt(s.EndedAt!.Value), TranscriptBuilder.BuildForClients(entries[s.Id], attachments));
        })];
    }

    /// <summary>A live session the caller is in, or an ended one they took part in.</summary>
    private static async Task<ChatSession> ReadableSessionAsync(ChatDbContext db, ChatCaller caller, Guid sessionId, CancellationToken cancellationToken)
    {
        var record = await db.Sessions.AsNoTracking().Include(s => s.Attendees).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new ChatException(ChatConstants.Errors.SessionNotFound, "There is no such session.");
        var session = ChatSession.Load(record, record.Attendees);
        return session.IsReadableBy(caller.UserName)
            ? session
            : throw new ChatException(ChatConstants.Errors.NotAttendee, "You are not in this session.");
    }
}
