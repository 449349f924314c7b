using ServicePro.Contracts.Events;

namespace ServicePro.Host.Identity;

/// <summary>
/// A user's roles changed: her open shells reload, and her sign-in cookie is reissued with the new roles on its next
/// request (<see cref="RevokedSessions"/>), on every host.
/// </summary>
/// <param name="UserName">The user.</param>
public sealed record UserSessionsStaleEvent(string UserName) : IClusterEvent;
