namespace ServicePro.Host.Modularity;

/// <summary>Marks an endpoint as owned by a module, so that it answers 404 while the module is not enabled.</summary>
public sealed record ModuleEndpointMetadata(string ModuleId);
