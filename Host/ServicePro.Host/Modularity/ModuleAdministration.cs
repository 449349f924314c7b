using System.Security.Claims;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Modules;
using ServicePro.Contracts.Security;

namespace ServicePro.Host.Modularity;

/// <summary>
/// Enables and disables modules at run time for Admin → Modules: checks dependencies, stores the choice in the
/// database (<see cref="ModuleStateStore"/>), applies it, and publishes <see cref="ModuleStateChangedEvent"/> to every
/// open shell without waiting for any. Choices made on another host arrive through <see cref="ApplyStoredAsync"/>.
/// </summary>
public sealed class ModuleAdministration(ModuleRuntime runtime, ModuleStateStore store, IEventAggregator events, ILogger<ModuleAdministration> logger) : IModuleAdministration
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public const string NotAnAdministrator = "Only administrators may enable or disable modules.";

    public async Task<ModuleToggleResult> SetEnabledAsync(string moduleId, bool enabled, ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsInRole(ServiceProRoles.Administrator))
        {
            // The page is for administrators only; this guards every other way of reaching the service.
            logger.LogWarning("{User} tried to change module {ModuleId} without the Administrator role", caller.Identity?.Name ?? "anonymous", moduleId);
            return ModuleToggleResult.Refused(NotAnAdministrator);
        }

        var administrator = caller.Identity?.Name ?? "unknown";
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var modules = runtime.Modules;
            var module = modules.FirstOrDefault(m => m.Id == moduleId);
            if (module is null)
            {
                return ModuleToggleResult.Refused($"There is no module '{moduleId}' in modules.config.");
            }

            if (enabled)
            {
                // Known for a module loaded in this run; one disabled since start-up was never loaded, so its
                // dependencies are checked when it starts at the next restart (and it fails there with the reason).
                var missing = module.DependsOn
                    .Where(d => modules.FirstOrDefault(m => m.Id == d) is not { } dependency
                        || !(dependency.State == ModuleState.Enabled || dependency.RestartRequired))
                    .ToList();
                if (missing.Count > 0)
                {
                    return ModuleToggleResult.Refused($"'{moduleId}' cannot be enabled: it depends on {string.Join(", ", missing.Select(d => $"'{d}'"))}, which is not enabled. Enable that first.");
                }
            }
            else
            {
                var dependents = runtime.EnabledDependentsOf(moduleId);
                if (dependents.Count > 0)
                {
                    return ModuleToggleResult.Refused($"'{moduleId}' cannot be disabled: {string.Join(", ", dependents.Select(d => $"'{d}'"))} depend{(dependents.Count == 1 ? "s" : string.Empty)} on it. Disable {(dependents.Count == 1 ? "it" : "them")} first.");
                }
            }

            await store.SaveAsync(moduleId, enabled, administrator, cancellationToken);
            var info = Apply(moduleId, enabled);
            logger.LogInformation("{Administrator} {Action} module {ModuleId}; state {State}{Restart}", administrator, enabled ? "enabled" : "disabled", moduleId, info.State, info.RestartRequired ? " (starts at next restart)" : string.Empty);
            return new ModuleToggleResult(info, null);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Applies the stored choices that differ from this host's state (an administrator on another host made them).
    /// Dependencies were checked where the choice was made.
    /// </summary>
    /// <returns>The ids of the modules changed.</returns>
    public async Task<IReadOnlyList<string>> ApplyStoredAsync(CancellationToken cancellationToken)
    {
        // The same lock as a change made here: a poll that read the table before it cannot undo it afterwards.
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var stored = await store.ReadAsync(cancellationToken);
            var changed = new List<string>();
            foreach (var module in runtime.Modules)
            {
                var wanted = module.State == ModuleState.Enabled || module.RestartRequired;
                if (stored.TryGetValue(module.Id, out var enabled) && enabled != wanted && !(enabled && module.State == ModuleState.Failed))
                {
                    var info = Apply(module.Id, enabled);
                    logger.LogInformation("Module {ModuleId} was {Action} on another host; state {State}", module.Id, enabled ? "enabled" : "disabled", info.State);
                    changed.Add(module.Id);
                }
            }

            return changed;
        }
        finally
        {
            _writer.Release();
        }
    }

    private ModuleInfo Apply(string moduleId, bool enabled)
    {
        var info = runtime.Apply(moduleId, enabled);
        // Queued for every open shell, never awaited: a hung or broken circuit cannot hold or fail the change.
        events.Publish(new ModuleStateChangedEvent(moduleId, info.State));
        return info;
    }
}
