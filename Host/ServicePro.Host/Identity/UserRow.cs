namespace ServicePro.Host.Identity;

/// <summary>One user as the Users page lists her.</summary>
public sealed record UserRow(string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, bool Enabled, bool Locked, bool MustChangePassword);
