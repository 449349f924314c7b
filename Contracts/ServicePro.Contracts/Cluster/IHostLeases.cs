namespace ServicePro.Contracts.Cluster;

/// <summary>
/// Named leases in the deployment's database, so that exactly one host acts for work that must be done once (expiring
/// invitations, dispatching an outbox). The holder is this host process. A lease that is not renewed before it expires
/// passes to the next host that asks: renew well within its duration (every tick, with a duration of a few ticks).
/// </summary>
public interface IHostLeases
{
    /// <summary>Acquires the lease, or renews it when this host holds it, for <paramref name="duration"/> from now.</summary>
    /// <param name="name">The lease's name (at most 100 characters), e.g. <c>chat-housekeeping</c>.</param>
    /// <param name="duration">How long it stays held without renewal.</param>
    /// <param name="ct">Cancels the database call.</param>
    /// <returns>True when this host holds it now; false when another live host holds it.</returns>
    Task<bool> TryHoldAsync(string name, TimeSpan duration, CancellationToken ct = default);

    /// <summary>Gives the lease up if this host holds it, so that another host takes over at once (a graceful stop).</summary>
    /// <param name="name">The lease's name.</param>
    /// <param name="ct">Cancels the database call.</param>
    Task ReleaseAsync(string name, CancellationToken ct = default);
}
