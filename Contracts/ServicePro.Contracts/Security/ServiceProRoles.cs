namespace ServicePro.Contracts.Security;

/// <summary>The roles of ServicePro users.</summary>
public static class ServiceProRoles
{
    /// <summary>Every support rep.</summary>
    public const string Rep = "Rep";

    /// <summary>May read chat transcripts on any request.</summary>
    public const string Privileged = "Privileged";

    /// <summary>Manages modules.</summary>
    public const string Administrator = "Administrator";
}
