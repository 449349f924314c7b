using ServicePro.Contracts.Modules;

namespace ServicePro.Contracts.Events;

/// <summary>
/// Published through <see cref="IEventAggregator"/> when an administrator enables or disables a module, so that
/// every open shell shows the new set of contributions.
/// </summary>
/// <param name="ModuleId">The module.</param>
/// <param name="State">Its new state.</param>
public sealed record ModuleStateChangedEvent(string ModuleId, ModuleState State);
