namespace ServicePro.Contracts.Modules;

/// <summary>
/// Where the host serves a module's own <c>wwwroot</c> files (styles, scripts, images) while the module is enabled:
/// <c>_modules/{id}/{file}</c>, relative to the shell's base address.
/// </summary>
public static class ModuleContent
{
    /// <summary>The first segment of every module content path.</summary>
    public const string PathPrefix = "_modules";
}
