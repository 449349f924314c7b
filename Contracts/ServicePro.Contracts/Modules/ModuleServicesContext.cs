using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServicePro.Contracts.Modules;

/// <summary>What a module gets in its first phase, <see cref="IServiceProModule.ConfigureServices"/>.</summary>
/// <param name="ModuleId">The id of the module being configured.</param>
/// <param name="Services">The host's service collection; register services and contributions here.</param>
/// <param name="Configuration">The host's configuration; a module's own settings live under <c>Modules:{id}</c>.</param>
/// <param name="Environment">The host environment (name, content root).</param>
public sealed record ModuleServicesContext(
    string ModuleId,
    IServiceCollection Services,
    IConfiguration Configuration,
    IHostEnvironment Environment)
{
    /// <summary>The module's own configuration section, <c>Modules:{id}</c>.</summary>
    public IConfigurationSection ModuleConfiguration => Configuration.GetSection($"Modules:{ModuleId}");
}
