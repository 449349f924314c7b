using ServicePro.Contracts.Security;

namespace ServicePro.Host.Identity;

/// <summary>The roles an administrator may give, in the order the page shows them.</summary>
public static class UserRoles
{
    public static IReadOnlyList<string> All { get; } = [ServiceProRoles.Rep, ServiceProRoles.Privileged, ServiceProRoles.Administrator];

    public static IReadOnlyList<string> From(bool rep, bool privileged, bool administrator) =>
        [.. All.Where((_, i) => i switch { 0 => rep, 1 => privileged, _ => administrator })];
}
