using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Writing;
using ServicePro.Modules.Chat.Diagnostics;

namespace ServicePro.Modules.Chat.Application;

/// <summary>What no rep asks for but time brings: invitations expire, and an originator away too long ends her sessions.</summary>
public sealed class HousekeepingHandler(
    ChatWriter writer,
    IChatDbFactory databases,
    PresenceTracker presence,
    SessionCloser closer,
    IChatNotifier notifier,
    TimeProvider time,
    IOptions<ChatOptions> options,
    ChatMetrics? metrics = null)
{
    /// <summary>
    /// Expires pending invitations whose time is up, telling the invitee and whoever invited. It looks first, outside the
    /// writer: on most ticks nothing is due, and a write saved alone would hold up the messages queued behind it and make
    /// the writer forget the sessions it keeps between batches of messages.
    /// </summary>
    public async Task<int> ExpireInvitationsAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using (var db = databases.Create())
        {
            if (!await db.Invitations.AnyAsync(DueBy(now), cancellationToken))
            {
                return 0;
            }
        }

        return await writer.ExecuteAsync(ChatWriteMode.Alone, async w =>
        {
            var due = await w.Db.Invitations.Where(DueBy(w.Now)).ToListAsync(w.CancellationToken);
            foreach (var invitation in due)
            {
                invitation.Status = InvitationStatus.Expired;
                metrics?.Invitations(w, "expired");
                var session = await w.Db.Sessions.FindAsync([invitation.SessionId], w.CancellationToken);
                var dto = ChatDtos.Invitation(invitation, session!);
                w.AfterCommit(() => notifier.ToUsersAsync([dto.Invitee, dto.InvitedBy], new InvitationClosedEvent(dto)));
            }

            return due.Count;
        }, cancellationToken);
    }

    private static Expression<Func<ChatInvitationRecord, bool>> DueBy(DateTimeOffset now) =>
        i => i.Status == InvitationStatus.Pending && i.ExpiresAt <= now;

    /// <summary>Ends every live session whose originator has had no shell or connection for longer than the grace period.</summary>
    public async Task<int> EndAbandonedSessionsAsync(CancellationToken cancellationToken = default)
    {
        List<(Guid Id, string Originator)> live;
        await using (var db = databases.Create())
        {
            live = [.. (await db.Sessions.AsNoTracking().Where(s => s.EndedAt == null).Select(s => new { s.Id, s.Originator }).ToListAsync(cancellationToken))
                .Select(s => (s.Id, s.Originator))];
        }

        var now = time.GetUtcNow();
        var ended = 0;
        foreach (var (id, originator) in live)
        {
            if (presence.OfflineSince(originator) is { } since && now - since >= options.Value.OriginatorGracePeriod)
            {
                var result = await writer.ExecuteAsync(ChatWriteMode.Alone, async w =>
                {
                    var session = await w.SessionAsync(id);
                    return session.IsEnded ? null : await closer.EndAsync(w, session, null, ChatSession.ReasonOriginatorDisconnected);
                }, cancellationToken);
                ended += result is null ? 0 : 1;
            }
        }

        return ended;
    }
}
