namespace ServicePro.Contracts.Modules;

/// <summary>A snapshot of one module listed in <c>modules.config</c>.</summary>
/// <param name="Id">The module id.</param>
/// <param name="Title">The module's title, or its id when the module could not be loaded.</param>
/// <param name="Version">The module assembly's version, or empty when it could not be loaded.</param>
/// <param name="State">Enabled, Disabled or Failed.</param>
/// <param name="Reason">Why the module failed; <c>null</c> unless <paramref name="State"/> is Failed.</param>
/// <param name="DependsOn">The ids the module depends on, from its code (<see cref="IServiceProModule.DependsOn"/>); empty for a module not loaded in this run.</param>
/// <param name="RestartRequired">
/// True when the administrator enabled a module that was not loaded at start-up: it starts at the next restart.
/// </param>
public sealed record ModuleInfo(
    string Id,
    string Title,
    string Version,
    ModuleState State,
    string? Reason,
    IReadOnlyList<string> DependsOn,
    bool RestartRequired);
