namespace ServicePro.Host.Modularity;

/// <summary>One <c>&lt;module&gt;</c> line of <c>modules.config</c>.</summary>
public sealed record ModuleCatalogEntry(string Id, string Assembly, bool Enabled, IReadOnlyList<string> DependsOn, int Line);
