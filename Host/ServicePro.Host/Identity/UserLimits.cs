namespace ServicePro.Host.Identity;

/// <summary>Sizes of what an administrator types about a user.</summary>
public static class UserLimits
{
    public const int UserNameLength = 64;

    public const int DisplayNameLength = 100;

    public const int EmailLength = 256;

    public const int AuditActionLength = 400;
}
