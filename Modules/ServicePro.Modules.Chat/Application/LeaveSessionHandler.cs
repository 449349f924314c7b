using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Application;

/// <summary>An attendee leaves; the originator leaving ends the session for everyone.</summary>
public sealed class LeaveSessionHandler(ChatWriter writer, SessionCloser closer, IChatNotifier notifier)
{
    /// <returns>The end of the session when the originator left, else <c>null</c>.</returns>
    public Task<SessionEndedDto?> HandleAsync(ChatCaller caller, Guid sessionId, CancellationToken cancellationToken = default) =>
        writer.ExecuteAsync(ChatWriteMode.Alone, async w =>
        {
            var session = await w.LiveSessionAsync(sessionId);
            session.RequireAttendee(caller.UserName);
            if (session.Originator == caller.UserName)
            {
                return await closer.EndAsync(w, session, caller.UserName, ChatSession.ReasonOriginatorLeft);
            }

            var attendees = session.CurrentAttendees;
            var left = ChatDtos.Entry(session.Leave(caller.UserName, w.Now));
            w.AfterCommit(() => notifier.ToUsersAsync(attendees, new EntryAddedEvent(left)));
            return (SessionEndedDto?)null;
        }, cancellationToken);
}
