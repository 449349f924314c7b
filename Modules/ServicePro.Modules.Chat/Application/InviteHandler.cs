using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Writing;
using ServicePro.Modules.Chat.Diagnostics;

namespace ServicePro.Modules.Chat.Application;

/// <summary>An attendee invites reps who are online and not yet in the session or invited to it.</summary>
/// <remarks>The host's user directory is scoped (Identity): each invitation looks invitees up in a scope of its own.</remarks>
public sealed class InviteHandler(
    ChatWriter writer,
    IChatDbFactory databases,
    IServiceScopeFactory scopes,
    PresenceTracker presence,
    IChatNotifier notifier,
    IOptions<ChatOptions> options,
    ChatMetrics? metrics = null)
{
    public async Task<IReadOnlyList<ChatInvitationDto>> HandleAsync(ChatCaller caller, Guid sessionId, IReadOnlyCollection<string>? invitees, CancellationToken cancellationToken = default)
    {
        var names = (invitees ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
        {
            throw new ChatException(ChatConstants.Errors.NoInvitees, "Name at least one rep to invite.");
        }

        // Only attendees invite: say so before anything about the invitees.
        await using (var db = databases.Create())
        {
            var live = await db.Sessions.AsNoTracking().AnyAsync(s => s.Id == sessionId && s.EndedAt == null, cancellationToken);
            var attendee = await db.Attendees.AsNoTracking().AnyAsync(a => a.SessionId == sessionId && a.UserName == caller.UserName && a.LeftAt == null, cancellationToken);
            if (live && !attendee)
            {
                throw new ChatException(ChatConstants.Errors.NotAttendee, "You are not in this session.");
            }
        }

        var canonical = new List<string>();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
        foreach (var name in names)
        {
            var user = await users.FindAsync(name, cancellationToken)
                ?? throw new ChatException(ChatConstants.Errors.UserNotFound, $"There is no rep '{name}'.");
            if (string.Equals(user.UserName, caller.UserName, StringComparison.OrdinalIgnoreCase))
            {
                throw new ChatException(ChatConstants.Errors.InviteSelf, "You are already in the session.");
            }

            if (presence.StatusOf(user.UserName) == PresenceStatus.Offline)
            {
                throw new ChatException(ChatConstants.Errors.UserOffline, $"{user.UserName} is Offline and cannot be invited.");
            }

            canonical.Add(user.UserName);
        }

        return await writer.ExecuteAsync(ChatWriteMode.Alone, async w =>
        {
            var session = await w.LiveSessionAsync(sessionId);
            session.RequireAttendee(caller.UserName);
            var invitations = new List<ChatInvitationRecord>();
            foreach (var invitee in canonical)
            {
                if (session.IsAttendee(invitee))
                {
                    throw new ChatException(ChatConstants.Errors.AlreadyAttendee, $"{invitee} is already in the session.");
                }

                var pending = await w.Db.Invitations.AnyAsync(
                    i => i.SessionId == sessionId && i.Invitee == invitee && i.Status == InvitationStatus.Pending && i.ExpiresAt > w.Now, w.CancellationToken);
                if (pending)
                {
                    throw new ChatException(ChatConstants.Errors.AlreadyInvited, $"{invitee} is already invited to this session.");
                }

                invitations.Add(new ChatInvitationRecord
                {
                    Id = Guid.NewGuid(),
                    SessionId = sessionId,
                    Invitee = invitee,
                    InvitedBy = caller.UserName,
                    CreatedAt = w.Now,
                    ExpiresAt = w.Now + options.Value.InvitationExpiry,
                    Status = InvitationStatus.Pending,
                });
            }

            w.Db.Invitations.AddRange(invitations);
            metrics?.Invitations(w, "sent", invitations.Count);
            var dtos = invitations.Select(i => ChatDtos.Invitation(i, session.Record)).ToList();
            foreach (var dto in dtos)
            {
                w.AfterCommit(() => notifier.ToUsersAsync([dto.Invitee], new InvitationReceivedEvent(dto)));
            }

            return (IReadOnlyList<ChatInvitationDto>)dtos;
        }, cancellationToken);
    }
}
