namespace ServicePro.Contracts.Users;

/// <summary>A ServicePro user as other modules see one: for pickers, invitations and assignments.</summary>
/// <param name="UserName">The sign-in name, unique; what modules store.</param>
/// <param name="Roles">The user's roles (see <see cref="Security.ServiceProRoles"/>).</param>
public sealed record UserSummary(string UserName, IReadOnlyList<string> Roles);
