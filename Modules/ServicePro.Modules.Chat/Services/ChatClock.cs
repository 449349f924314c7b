using ServicePro.Modules.Chat.Data;

namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// Chat Time math. A session stores an offset and the moment the clock last started running, so the value survives a
/// restart and no counter ticks anywhere: value = offset + (now − running since), or the offset while paused.
/// </summary>
public sealed class ChatClock(TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public static TimeSpan ValueAt(ChatSessionRecord session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        var running = session.ClockRunningSince is { } since && now > since ? now - since : TimeSpan.Zero;
        return session.ClockOffset + running;
    }

    public static void Start(ChatSessionRecord session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.ClockOffset = TimeSpan.Zero;
        session.ClockRunningSince = now;
    }

    public static void Pause(ChatSessionRecord session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.ClockOffset = ValueAt(session, now);
        session.ClockRunningSince = null;
    }

    public static void Resume(ChatSessionRecord session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.ClockRunningSince ??= now;
    }

    /// <summary>Sets the value; a running clock keeps running from it.</summary>
    public static void Set(ChatSessionRecord session, TimeSpan value, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.ClockOffset = value;
        if (session.ClockRunningSince is not null)
        {
            session.ClockRunningSince = now;
        }
    }

    public static ChatTimeDto ToDto(ChatSessionRecord session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new ChatTimeDto(session.Id, ValueAt(session, now), session.ClockRunningSince is not null, now);
    }
}
