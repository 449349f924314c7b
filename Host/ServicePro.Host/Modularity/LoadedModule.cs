using System.Reflection;
using ServicePro.Contracts.Modules;

namespace ServicePro.Host.Modularity;

/// <summary>A module instance and the assembly it came from.</summary>
public sealed record LoadedModule(IServiceProModule Module, Assembly Assembly, string Version, string? ContentDirectory);
