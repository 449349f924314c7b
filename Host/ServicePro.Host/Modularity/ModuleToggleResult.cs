using ServicePro.Contracts.Modules;

namespace ServicePro.Host.Modularity;

/// <summary>The outcome of an administrator's enable or disable: the module's new state, or why it was refused.</summary>
public sealed record ModuleToggleResult(ModuleInfo? Module, string? Error)
{
    public bool Succeeded => Error is null;

    public static ModuleToggleResult Refused(string error) => new(null, error);
}
