namespace ServicePro.Host.Data;

/// <summary>An administrator's choice for one module, which overrides the default in <c>modules.config</c> on every host.</summary>
public sealed class ModuleStateRecord
{
    public required string ModuleId { get; set; }

    public bool Enabled { get; set; }

    /// <summary>The administrator who made the choice.</summary>
    public required string ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
