namespace ServicePro.Host.Modularity;

/// <summary>One <c>&lt;module&gt;</c> line of <c>modules.config</c>. What the module depends on is its own business (<c>DependsOn</c>).</summary>
public sealed record ModuleCatalogEntry(string Id, string Assembly, bool Enabled, int Line);
