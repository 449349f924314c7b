using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// Who is connected, in memory on this host: a rep is Offline when their last connection closes (several tabs count as
/// one rep); otherwise they show the status they chose (Available until they choose).
/// </summary>
public sealed class PresenceTracker(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Rep> _reps = new(StringComparer.OrdinalIgnoreCase);
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    /// <returns>The new presence if it changed (the rep's first connection), else <c>null</c>.</returns>
    public PresenceDto? Connected(string userName, string connectionId)
    {
        lock (_gate)
        {
            var rep = RepOf(userName);
            var wasOffline = rep.Connections.Count == 0;
            rep.Connections.Add(connectionId);
            rep.OfflineSince = null;
            return wasOffline ? new PresenceDto(userName, rep.Chosen) : null;
        }
    }

    /// <returns>Offline if that was the rep's last connection, else <c>null</c>.</returns>
    public PresenceDto? Disconnected(string userName, string connectionId)
    {
        lock (_gate)
        {
            var rep = RepOf(userName);
            if (!rep.Connections.Remove(connectionId) || rep.Connections.Count > 0)
            {
                return null;
            }

            rep.OfflineSince = time.GetUtcNow();
            return new PresenceDto(userName, PresenceStatus.Offline);
        }
    }

    /// <summary>Sets the status a rep chose; refused for Offline or an unknown value.</summary>
    /// <returns>The new presence if it changed and the rep is connected, else <c>null</c>.</returns>
    public PresenceDto? Set(string userName, PresenceStatus status)
    {
        if (status is not (PresenceStatus.Available or PresenceStatus.Busy or PresenceStatus.Away))
        {
            throw new ChatException(ChatConstants.Errors.PresenceInvalid, "Choose Available, Busy or Away; Offline means no open shell.");
        }

        lock (_gate)
        {
            var rep = RepOf(userName);
            var changed = rep.Chosen != status;
            rep.Chosen = status;
            return changed && rep.Connections.Count > 0 ? new PresenceDto(userName, status) : null;
        }
    }

    public PresenceStatus StatusOf(string userName)
    {
        lock (_gate)
        {
            return _reps.TryGetValue(userName, out var rep) && rep.Connections.Count > 0 ? rep.Chosen : PresenceStatus.Offline;
        }
    }

    /// <summary>Since when the rep has had no connection (since this host started if never seen); <c>null</c> while connected.</summary>
    public DateTimeOffset? OfflineSince(string userName)
    {
        lock (_gate)
        {
            if (!_reps.TryGetValue(userName, out var rep))
            {
                return _startedAt;
            }

            return rep.Connections.Count > 0 ? null : rep.OfflineSince ?? _startedAt;
        }
    }

    /// <summary>Every rep with at least one connection.</summary>
    public IReadOnlyList<PresenceDto> Online()
    {
        lock (_gate)
        {
            return _reps.Where(r => r.Value.Connections.Count > 0).Select(r => new PresenceDto(r.Key, r.Value.Chosen)).ToList();
        }
    }

    private Rep RepOf(string userName)
    {
        if (!_reps.TryGetValue(userName, out var rep))
        {
            rep = new Rep();
            _reps[userName] = rep;
        }

        return rep;
    }

    private sealed class Rep
    {
        public HashSet<string> Connections { get; } = [];

        public PresenceStatus Chosen { get; set; } = PresenceStatus.Available;

        public DateTimeOffset? OfflineSince { get; set; }
    }
}
