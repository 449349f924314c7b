using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Application;

/// <summary>
/// Tells a live session's other current attendees that the caller is typing; nothing is stored. Only a current attendee
/// may: after the end there is no one to tell.
/// </summary>
public sealed class TypingHandler(IChatDbFactory databases, IChatNotifier notifier)
{
    public async Task HandleAsync(ChatCaller caller, Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create();
        var record = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new ChatException(ChatConstants.Errors.SessionNotFound, "There is no such session.");
        var session = ChatSession.Load(record, await db.Attendees.AsNoTracking().Where(a => a.SessionId == sessionId).ToListAsync(cancellationToken));
        session.RequireLive();
        session.RequireAttendee(caller.UserName);
        var others = session.CurrentAttendees.Where(a => a != caller.UserName).ToList();
        if (others.Count > 0)
        {
            await notifier.ToUsersAsync(others, new UserTypingEvent(new TypingNotice(sessionId, caller.UserName)));
        }
    }
}
