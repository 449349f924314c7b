using System.Security.Claims;

namespace ServicePro.Host.Modularity;

/// <summary>Enables and disables modules at run time on an administrator's behalf.</summary>
public interface IModuleAdministration
{
    /// <summary>
    /// Applies the choice, or says why it is refused (the caller is not an administrator, a dependency forbids it);
    /// a database failure storing it throws.
    /// </summary>
    Task<ModuleToggleResult> SetEnabledAsync(string moduleId, bool enabled, ClaimsPrincipal caller, CancellationToken cancellationToken = default);
}
