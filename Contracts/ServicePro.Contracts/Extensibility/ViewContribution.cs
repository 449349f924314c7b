namespace ServicePro.Contracts.Extensibility;

/// <summary>A component that a module puts into a named place of the shell (see <see cref="ShellRegions"/>).</summary>
/// <param name="Region">The region's name.</param>
/// <param name="ComponentType">The component to render; it takes no parameters.</param>
/// <param name="Order">Views in one region are rendered by ascending order.</param>
public sealed record ViewContribution(string Region, Type ComponentType, int Order);
