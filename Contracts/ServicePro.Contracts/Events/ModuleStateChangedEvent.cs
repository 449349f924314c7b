using ServicePro.Contracts.Modules;

namespace ServicePro.Contracts.Events;

/// <summary>Published when an administrator enables or disables a module.</summary>
/// <param name="ModuleId">The module.</param>
/// <param name="State">Its new state.</param>
public sealed record ModuleStateChangedEvent(string ModuleId, ModuleState State);
