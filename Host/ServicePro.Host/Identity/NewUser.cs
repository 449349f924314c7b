namespace ServicePro.Host.Identity;

/// <summary>What an administrator types to create a user (the form keeps it when something is wrong).</summary>
public sealed class NewUser
{
    public string UserName { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    /// <summary>A temporary password: she must change it at her first sign-in.</summary>
    public string Password { get; set; } = string.Empty;

    public bool Rep { get; set; } = true;

    public bool Privileged { get; set; }

    public bool Administrator { get; set; }

    public IReadOnlyList<string> Roles => UserRoles.From(Rep, Privileged, Administrator);
}
