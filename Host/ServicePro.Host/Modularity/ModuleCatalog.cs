namespace ServicePro.Host.Modularity;

/// <summary>The parsed <c>modules.config</c>: its modules in file order.</summary>
public sealed record ModuleCatalog(string Path, IReadOnlyList<ModuleCatalogEntry> Entries);
