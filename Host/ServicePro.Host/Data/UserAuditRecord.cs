namespace ServicePro.Host.Data;

/// <summary>One change to a user account: who made it, to whom, what, when.</summary>
public sealed class UserAuditRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user name of the administrator (or the user herself, for her own password).</summary>
    public required string Actor { get; set; }

    /// <summary>The user name of the account changed.</summary>
    public required string Target { get; set; }

    /// <summary>What happened, in words an administrator reads ("Roles set to Rep, Privileged").</summary>
    public required string Action { get; set; }
}
