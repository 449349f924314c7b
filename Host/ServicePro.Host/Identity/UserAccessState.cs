namespace ServicePro.Host.Identity;

/// <summary>Whether a user whose password is right may have a cookie or a token.</summary>
public enum UserAccessState
{
    Allowed,

    /// <summary>An administrator disabled the account.</summary>
    Disabled,

    /// <summary>The password is a temporary one: she must choose her own first (on the change-password page).</summary>
    MustChangePassword,
}
