using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Diagnostics;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Diagnostics;

/// <summary>Chat's live figures on Admin → Modules: reps online, live sessions, messages in the last minute (all hosts).</summary>
public sealed class ChatFigures(IChatDbFactory databases, PresenceTracker presence, TimeProvider time) : IModuleFigures
{
    public string ModuleId => ChatConstants.ModuleId;

    public async Task<IReadOnlyList<ModuleFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddMinutes(-1);
        await using var db = databases.Create();
        var live = await LiveSessionsAsync(db, cancellationToken);
        var messages = await db.Entries.CountAsync(e => e.Kind == TranscriptLineKind.Message && e.Time >= since, cancellationToken);
        return
        [
            new ModuleFigure("reps-online", "Reps online", presence.Online().Count),
            new ModuleFigure("live-sessions", "Live sessions", live),
            new ModuleFigure("messages-last-minute", "Messages in the last minute", messages),
        ];
    }

    /// <summary>The figures the meter samples: live sessions and the outbox's backlog.</summary>
    internal async Task<(long LiveSessions, long OutboxBacklog)> SampleAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.Create();
        var live = await LiveSessionsAsync(db, cancellationToken);
        var backlog = await db.Outbox.CountAsync(cancellationToken);
        return (live, backlog);
    }

    private static Task<int> LiveSessionsAsync(Data.ChatDbContext db, CancellationToken cancellationToken) =>
        db.Sessions.CountAsync(s => s.EndedAt == null, cancellationToken);
}
