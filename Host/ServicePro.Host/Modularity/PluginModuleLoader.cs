using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Modules;

namespace ServicePro.Host.Modularity;

/// <summary>
/// Loads each module into its own load context with McMaster.NETCore.Plugins. Contracts, ASP.NET Core, EF Core and
/// every assembly the host already has are shared, so types cross the boundary; a module's other dependencies stay
/// its own. A module built against an incompatible Contracts version is refused before it is loaded
/// (<see cref="ContractsCompatibility"/>).
/// </summary>
public sealed class PluginModuleLoader(string modulesDirectory) : IModuleLoader
{
    private static readonly Type[] SharedTypes =
    [
        typeof(IServiceProModule),
        typeof(IServiceCollection),
        typeof(ComponentBase),
        typeof(IEndpointRouteBuilder),
        typeof(DbContext),
        typeof(ILogger),
    ];

    public string ModulesDirectory { get; } = modulesDirectory;

    public string ResolveAssemblyPath(ModuleCatalogEntry entry)
    {
        if (entry.Assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return Path.GetFullPath(Path.Combine(ModulesDirectory, entry.Assembly));
        }

        return Path.Combine(ModulesDirectory, entry.Assembly, entry.Assembly + ".dll");
    }

    public LoadedModule Load(ModuleCatalogEntry entry)
    {
        var path = ResolveAssemblyPath(entry);
        if (!File.Exists(path))
        {
            throw new ModuleLoadException($"assembly '{entry.Assembly}' not found at {path}");
        }

        var builtAgainst = ContractsCompatibility.ReadBuiltAgainst(path);
        if (builtAgainst is not null && !ContractsCompatibility.IsCompatible(builtAgainst, ContractsCompatibility.HostVersion))
        {
            throw new ModuleLoadException(ContractsCompatibility.Reason(entry.Assembly, builtAgainst, ContractsCompatibility.HostVersion));
        }

        Assembly assembly;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(path, SharedTypes, config => config.PreferSharedTypes = true);
            assembly = loader.LoadDefaultAssembly();
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or IOException)
        {
            throw new ModuleLoadException($"assembly '{entry.Assembly}' could not be loaded: {ex.Message}", ex);
        }

        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            throw new ModuleLoadException($"assembly '{entry.Assembly}' has types that cannot be loaded: {ex.Message}", ex);
        }

        var moduleTypes = types
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IServiceProModule).IsAssignableFrom(t))
            .ToList();
        if (moduleTypes.Count != 1)
        {
            throw new ModuleLoadException(moduleTypes.Count == 0
                ? $"assembly '{entry.Assembly}' has no public class implementing {nameof(IServiceProModule)}"
                : $"assembly '{entry.Assembly}' has {moduleTypes.Count} classes implementing {nameof(IServiceProModule)}; exactly one is allowed");
        }

        IServiceProModule module;
        try
        {
            module = (IServiceProModule)Activator.CreateInstance(moduleTypes[0])!;
        }
        catch (Exception ex)
        {
            var cause = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
            throw new ModuleLoadException($"{moduleTypes[0].Name} threw while being created: {cause.Message}", cause);
        }

        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString()
            ?? string.Empty;
        return new LoadedModule(module, assembly, version, Path.GetDirectoryName(path));
    }
}
