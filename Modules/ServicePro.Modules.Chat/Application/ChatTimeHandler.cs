using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Application;

/// <summary>The originator pauses, resumes or sets Chat Time; every attendee sees the new value.</summary>
public sealed class ChatTimeHandler(ChatWriter writer, IChatNotifier notifier)
{
    public Task<ChatTimeDto> PauseAsync(ChatCaller caller, Guid sessionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, sessionId, (s, now) => s.PauseChatTime(now), cancellationToken);

    public Task<ChatTimeDto> ResumeAsync(ChatCaller caller, Guid sessionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, sessionId, (s, now) => s.ResumeChatTime(now), cancellationToken);

    public Task<ChatTimeDto> SetAsync(ChatCaller caller, Guid sessionId, TimeSpan value, CancellationToken cancellationToken = default)
    {
        if (value < TimeSpan.Zero || value > ChatConstants.MaxChatTime)
        {
            throw new ChatException(ChatConstants.Errors.ChatTimeInvalid, "Chat Time must be between 0 and 24 hours.");
        }

        return ChangeAsync(caller, sessionId, (s, now) => s.SetChatTime(value, now), cancellationToken);
    }

    private Task<ChatTimeDto> ChangeAsync(ChatCaller caller, Guid sessionId, Action<ChatSession, DateTimeOffset> change, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(ChatWriteMode.Alone, async w =>
        {
            var session = await w.LiveSessionAsync(sessionId);
            session.RequireAttendee(caller.UserName);
            session.RequireOriginator(caller.UserName);
            change(session, w.Now);
            var dto = session.ChatTimeDto(w.Now);
            var attendees = session.CurrentAttendees;
            w.AfterCommit(() => notifier.ToUsersAsync(attendees, new ChatTimeChangedEvent(dto)));
            return dto;
        }, cancellationToken);
}
