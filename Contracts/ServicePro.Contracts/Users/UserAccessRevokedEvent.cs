using ServicePro.Contracts.Events;

namespace ServicePro.Contracts.Users;

/// <summary>
/// Published through <see cref="IEventAggregator"/> when a user may no longer use ServicePro (an administrator disabled
/// her): every host signs out her open shells and modules close her connections (a hub's) at once. It is an
/// <see cref="IClusterEvent"/>, so the other hosts of the deployment hear it too.
/// </summary>
/// <param name="UserName">The user whose access ended.</param>
public sealed record UserAccessRevokedEvent(string UserName) : IClusterEvent
{
    /// <summary>
    /// When her access ended, on the clock of the host that ended it. A host that hears the event later refuses her
    /// cookies issued until then, not until it heard it: she may have been enabled again and signed in meanwhile.
    /// Null from publishers older than Contracts 1.4: the hearing host then uses the time it heard it.
    /// </summary>
    public DateTimeOffset? RevokedAt { get; init; }
}
