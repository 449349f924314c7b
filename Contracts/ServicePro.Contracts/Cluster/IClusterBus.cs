namespace ServicePro.Contracts.Cluster;

/// <summary>
/// Reaches the other hosts of the deployment, when several hosts run behind a load balancer (Redis pub/sub when
/// <c>Redis:Configuration</c> is set). With one host there are no others: <see cref="PublishAsync"/> does nothing and
/// no handler is ever called. Registered by the host for every module; resolve it from DI.
/// </summary>
/// <remarks>
/// Channels are plain names chosen by the module (prefix them with the module id, e.g. <c>chat:presence</c>); the host
/// keeps deployments apart. Delivery is at most once: a host that was away misses what was published meanwhile, so
/// design for it (snapshots, heartbeats). Payloads are the module's own bytes (typically UTF-8 JSON).
/// </remarks>
public interface IClusterBus
{
    /// <summary>This host's id: unique per process, stable while it runs (for telling hosts apart in messages).</summary>
    string HostId { get; }

    /// <summary>Sends <paramref name="message"/> to every other host subscribed to <paramref name="channel"/>.</summary>
    Task PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken ct = default);

    /// <summary>
    /// Calls <paramref name="handler"/> with each message published on <paramref name="channel"/> by OTHER hosts (never
    /// this host's own), one at a time, in the order each host published them. Dispose the result to stop. A handler
    /// that throws is logged and the next message still comes.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(string channel, Func<ReadOnlyMemory<byte>, Task> handler, CancellationToken ct = default);
}
