using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Writing;
using ServicePro.Modules.Chat.Diagnostics;

namespace ServicePro.Modules.Chat.Application;

/// <summary>The invitee accepts (joins the session) or declines an open invitation.</summary>
public sealed class InvitationAnswerHandler(ChatWriter writer, IChatNotifier notifier, ChatMetrics? metrics = null)
{
    public Task<ChatSessionDto> AcceptAsync(ChatCaller caller, Guid invitationId, CancellationToken cancellationToken = default) =>
        writer.ExecuteAsync(ChatWriteMode.Alone, async w =>
        {
            var (invitation, session) = await OpenInvitationAsync(w, caller, invitationId);
            invitation.Status = InvitationStatus.Accepted;
            metrics?.Invitations(w, "accepted");
            var joined = ChatDtos.Entry(session.Join(caller.UserName, w.Now));
            var attendees = session.CurrentAttendees;
            var closed = ChatDtos.Invitation(invitation, session.Record);
            w.AfterCommit(() => notifier.ToUsersAsync(attendees, new EntryAddedEvent(joined)));
            w.AfterCommit(() => notifier.ToUsersAsync([caller.UserName, invitation.InvitedBy], new InvitationClosedEvent(closed)));
            return ChatDtos.Session(session, w.Now);
        }, cancellationToken);

    public Task<ChatInvitationDto> DeclineAsync(ChatCaller caller, Guid invitationId, CancellationToken cancellationToken = default) =>
        writer.ExecuteAsync(ChatWriteMode.Alone, async w =>
        {
            var (invitation, session) = await OpenInvitationAsync(w, caller, invitationId);
            invitation.Status = InvitationStatus.Declined;
            metrics?.Invitations(w, "declined");
            var note = ChatDtos.Entry(session.Note(caller.UserName, $"{caller.UserName} declined the invitation.", w.Now));
            var attendees = session.CurrentAttendees;
            var closed = ChatDtos.Invitation(invitation, session.Record);
            w.AfterCommit(() => notifier.ToUsersAsync(attendees, new EntryAddedEvent(note)));
            w.AfterCommit(() => notifier.ToUsersAsync([caller.UserName, invitation.InvitedBy], new InvitationClosedEvent(closed)));
            return closed;
        }, cancellationToken);

    private static async Task<(ChatInvitationRecord Invitation, ChatSession Session)> OpenInvitationAsync(ChatWriteContext w, ChatCaller caller, Guid invitationId)
    {
        if (w.Careful)
        {
            // Re-run after a conflict (another host expired or answered it meanwhile): lock the row before reading it.
            await w.Db.Invitations.Where(i => i.Id == invitationId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, i => i.Status), w.CancellationToken);
        }

        var invitation = await w.Db.Invitations.FindAsync([invitationId], w.CancellationToken);
        if (invitation is null || invitation.Invitee != caller.UserName)
        {
            throw new ChatException(ChatConstants.Errors.InvitationNotFound, "There is no such invitation for you.");
        }

        if (invitation.Status != InvitationStatus.Pending || invitation.ExpiresAt <= w.Now)
        {
            var status = invitation.Status == InvitationStatus.Pending ? InvitationStatus.Expired : invitation.Status;
            throw new ChatException(ChatConstants.Errors.InvitationClosed, $"This invitation is no longer open ({status}).");
        }

        return (invitation, await w.LiveSessionAsync(invitation.SessionId));
    }
}
