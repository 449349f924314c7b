using Microsoft.AspNetCore.Routing;

namespace ServicePro.Contracts.Modules;

/// <summary>What a module gets in its second phase, <see cref="IServiceProModule.InitializeAsync"/>.</summary>
/// <param name="ModuleId">The id of the module being initialized.</param>
/// <param name="Services">The host's built root service provider.</param>
/// <param name="Endpoints">
/// A route group owned by the module: endpoints (minimal APIs, hubs) mapped here answer 404 while the module is
/// disabled or failed.
/// </param>
public sealed record ModuleInitializationContext(
    string ModuleId,
    IServiceProvider Services,
    IEndpointRouteBuilder Endpoints);
