namespace ServicePro.Host.Modularity;

/// <summary>Turns a line of <c>modules.config</c> into a module instance.</summary>
public interface IModuleLoader
{
    /// <exception cref="ModuleLoadException">The assembly is missing or holds no usable module.</exception>
    LoadedModule Load(ModuleCatalogEntry entry);
}
