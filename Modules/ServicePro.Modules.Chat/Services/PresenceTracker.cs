using System.Threading.Channels;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// Who is connected, merged over every host: a rep is online while any of her connections on any host is up (several
/// tabs, clients and hosts count as one rep) and shows the status she chose last, on whichever host (Available until
/// she chooses); Offline otherwise. This host's connections are counted here; the other hosts' come from their
/// reports (<see cref="Apply"/>), and a host not heard for the host timeout is taken for dead, its reps gone.
/// Every change of this host's part is queued on <see cref="Outgoing"/> for <see cref="PresenceReplicator"/> to publish.
/// With one host there are no reports and this is the in-memory presence of that host. The other hosts' reports are
/// handled in PresenceTracker.Cluster.cs.
/// </summary>
public sealed partial class PresenceTracker
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _hostTimeout;
    private readonly Dictionary<string, HashSet<string>> _connections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (PresenceStatus Status, DateTimeOffset At)> _chosen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateTimeOffset> _offlineSince = new(StringComparer.OrdinalIgnoreCase);
    private readonly RemoteHosts _remote = new();
    private readonly Channel<PresenceMessage> _outgoing = Channel.CreateUnbounded<PresenceMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DateTimeOffset _startedAt;
    private long _sequence;

    public PresenceTracker(TimeProvider time)
        : this(time, "local", TimeSpan.FromSeconds(15))
    {
    }

    public PresenceTracker(TimeProvider time, string hostId, TimeSpan hostTimeout)
    {
        _time = time;
        HostId = hostId;
        _hostTimeout = hostTimeout;
        _startedAt = time.GetUtcNow();
    }

    public string HostId { get; }

    /// <summary>What this host must tell the others, in order (changes carry consecutive numbers).</summary>
    public ChannelReader<PresenceMessage> Outgoing => _outgoing.Reader;

    /// <returns>The new presence if it changed (the rep's first connection anywhere), else <c>null</c>.</returns>
    public PresenceDto? Connected(string userName, string connectionId)
    {
        lock (_gate)
        {
            var before = StatusLocked(userName);
            if (!_connections.TryGetValue(userName, out var connections))
            {
                _connections[userName] = connections = [];
            }

            if (connections.Add(connectionId) && connections.Count == 1)
            {
                ReportLocked(userName);
            }

            return ChangeLocked(userName, before, _time.GetUtcNow());
        }
    }

    /// <returns>Offline if that was the rep's last connection anywhere, else <c>null</c>.</returns>
    public PresenceDto? Disconnected(string userName, string connectionId)
    {
        lock (_gate)
        {
            var before = StatusLocked(userName);
            if (!_connections.TryGetValue(userName, out var connections) || !connections.Remove(connectionId))
            {
                return null;
            }

            if (connections.Count == 0)
            {
                _connections.Remove(userName);
                ReportLocked(userName);
            }

            return ChangeLocked(userName, before, _time.GetUtcNow());
        }
    }

    /// <summary>Sets the status a rep chose, for every host; refused for Offline or an unknown value.</summary>
    /// <returns>The new presence if it changed and the rep is connected, else <c>null</c>.</returns>
    public PresenceDto? Set(string userName, PresenceStatus status)
    {
        if (status is not (PresenceStatus.Available or PresenceStatus.Busy or PresenceStatus.Away))
        {
            throw new ChatException(ChatConstants.Errors.PresenceInvalid, "Choose Available, Busy or Away; Offline means no open shell.");
        }

        lock (_gate)
        {
            var before = StatusLocked(userName);
            if (ChosenLocked(userName) == status)
            {
                return null;
            }

            _chosen[userName] = (status, _time.GetUtcNow());
            ReportLocked(userName);
            return ChangeLocked(userName, before, _time.GetUtcNow());
        }
    }

    public PresenceStatus StatusOf(string userName)
    {
        lock (_gate)
        {
            return StatusLocked(userName);
        }
    }

    /// <summary>Since when the rep has had no connection on any host (since this host started if never seen); <c>null</c> while connected.</summary>
    public DateTimeOffset? OfflineSince(string userName)
    {
        lock (_gate)
        {
            return IsConnectedLocked(userName) ? null : _offlineSince.GetValueOrDefault(userName, _startedAt);
        }
    }

    /// <summary>Every rep with at least one connection on any host.</summary>
    public IReadOnlyList<PresenceDto> Online()
    {
        lock (_gate)
        {
            return [.. _connections.Keys.Concat(_remote.ConnectedUsers).Distinct(StringComparer.OrdinalIgnoreCase).Select(u => new PresenceDto(u, ChosenLocked(u)))];
        }
    }

    /// <summary>The OTHER hosts where any of these reps is connected (where events for their shells must go).</summary>
    public IReadOnlyList<string> HostsOf(IEnumerable<string> userNames)
    {
        lock (_gate)
        {
            return _remote.HostsOf(userNames);
        }
    }

    private List<PresenceDto> ApplyLocked(IEnumerable<string> affected, Action apply, DateTimeOffset offlineSince)
    {
        var users = affected.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var before = users.Select(StatusLocked).ToList();
        apply();
        return [.. users.Select((u, i) => ChangeLocked(u, before[i], offlineSince)).OfType<PresenceDto>()];
    }

    private PresenceDto? ChangeLocked(string userName, PresenceStatus before, DateTimeOffset at)
    {
        var after = StatusLocked(userName);
        if (after == before)
        {
            return null;
        }

        if (after == PresenceStatus.Offline)
        {
            _offlineSince[userName] = at;
        }

        return new PresenceDto(userName, after);
    }

    private void ReportLocked(string userName)
    {
        _sequence++;
        _outgoing.Writer.TryWrite(new PresenceMessage(PresenceMessage.Change, HostId, _sequence, [RepLocked(userName)]));
    }

    private PresenceMessage SnapshotLocked() => new(
        PresenceMessage.Snapshot,
        HostId,
        _sequence,
        [.. _connections.Keys.Concat(_chosen.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Select(RepLocked)]);

    private RepPresence RepLocked(string userName)
    {
        var chosen = _chosen.GetValueOrDefault(userName, (Status: PresenceStatus.Available, At: DateTimeOffset.MinValue));
        return new RepPresence(userName, _connections.ContainsKey(userName), chosen.Status, chosen.At);
    }

    private bool IsConnectedLocked(string userName) => _connections.ContainsKey(userName) || _remote.IsConnected(userName);

    private PresenceStatus ChosenLocked(string userName) => _chosen.TryGetValue(userName, out var chosen) ? chosen.Status : PresenceStatus.Available;

    private PresenceStatus StatusLocked(string userName) => IsConnectedLocked(userName) ? ChosenLocked(userName) : PresenceStatus.Offline;
}
