namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// What the other hosts report: which reps each has connected, when each was last heard and its last change number.
/// Not thread-safe: <see cref="PresenceTracker"/> holds its lock around every use.
/// </summary>
internal sealed class RemoteHosts
{
    private readonly Dictionary<string, Host> _hosts = new(StringComparer.Ordinal);

    public bool IsConnected(string userName) => _hosts.Values.Any(h => h.Users.Contains(userName));

    public IEnumerable<string> ConnectedUsers => _hosts.Values.SelectMany(h => h.Users);

    /// <summary>The hosts where any of these reps is connected.</summary>
    public IReadOnlyList<string> HostsOf(IEnumerable<string> userNames)
    {
        var names = userNames as IReadOnlyCollection<string> ?? [.. userNames];
        return [.. _hosts.Where(h => names.Any(h.Value.Users.Contains)).Select(h => h.Key)];
    }

    public Host? Find(string hostId) => _hosts.GetValueOrDefault(hostId);

    public Host Add(string hostId)
    {
        var host = new Host();
        _hosts[hostId] = host;
        return host;
    }

    public Host? Remove(string hostId) => _hosts.Remove(hostId, out var host) ? host : null;

    /// <summary>The hosts last heard before <paramref name="cutoff"/>.</summary>
    public IReadOnlyList<string> SilentSince(DateTimeOffset cutoff) => [.. _hosts.Where(h => h.Value.LastHeard < cutoff).Select(h => h.Key)];

    internal sealed class Host
    {
        public HashSet<string> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

        public DateTimeOffset LastHeard { get; set; }

        /// <summary>The last change number applied; -1 until a snapshot says where the host is.</summary>
        public long Sequence { get; set; } = -1;
    }
}
