namespace ServicePro.Contracts.Extensibility;

/// <summary>A tile on the Workbench: a Razor component of the module, rendered in a card.</summary>
/// <param name="Id">A stable id; the card carries <c>data-testid="tile-{Id}"</c>.</param>
/// <param name="Title">The tile's heading.</param>
/// <param name="ComponentType">The component rendered inside the tile (it takes no parameters).</param>
/// <param name="Order">Tiles are shown by ascending order, then by id.</param>
public sealed record WorkbenchTile(string Id, string Title, Type ComponentType, int Order);
