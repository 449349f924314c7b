namespace ServicePro.Contracts.Modules;

/// <summary>Read-only view of which modules are active, for modules that need to know at run time.</summary>
public interface IModuleStatus
{
    /// <summary>Every module listed in <c>modules.config</c>, in dependency order.</summary>
    IReadOnlyList<ModuleInfo> Modules { get; }

    /// <summary>True when the module is loaded and enabled right now.</summary>
    /// <param name="moduleId">A module id.</param>
    bool IsEnabled(string moduleId);

    /// <summary>
    /// True when <paramref name="type"/> belongs to a module that is enabled now, or to no module at all (the host,
    /// Contracts or the framework). Contributions are owned by the module whose assembly defines their type.
    /// </summary>
    /// <param name="type">A contributor, component or handler type.</param>
    bool IsActive(Type type);
}
