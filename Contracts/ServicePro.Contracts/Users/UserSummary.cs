namespace ServicePro.Contracts.Users;

/// <summary>A ServicePro user as other modules see one: for pickers, invitations and assignments.</summary>
/// <param name="UserName">The sign-in name, unique; what modules store.</param>
/// <param name="Roles">The user's roles (see <see cref="Security.ServiceProRoles"/>).</param>
public sealed record UserSummary(string UserName, IReadOnlyList<string> Roles)
{
    private readonly string? _displayName;

    /// <summary>The name shown wherever a person is meant; the user name when none was given. Never an identity: store <see cref="UserName"/>.</summary>
    public string DisplayName
    {
        get => string.IsNullOrWhiteSpace(_displayName) ? UserName : _displayName;
        init => _displayName = value;
    }
}
