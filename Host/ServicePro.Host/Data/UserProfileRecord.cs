namespace ServicePro.Host.Data;

/// <summary>What the shell keeps about a user beyond Identity's row: the name people see, and two switches.</summary>
public sealed class UserProfileRecord
{
    /// <summary>Identity's user id (the row is removed with the user).</summary>
    public required string UserId { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>A disabled user cannot sign in, and her cookies and tokens stop working.</summary>
    public bool Disabled { get; set; }

    /// <summary>Set with a temporary password: she must choose her own before she may use the shell.</summary>
    public bool MustChangePassword { get; set; }
}
