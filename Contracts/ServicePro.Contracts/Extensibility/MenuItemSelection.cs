using ServicePro.Contracts.Requests;

namespace ServicePro.Contracts.Extensibility;

/// <summary>Passed to <see cref="MenuItem.OnSelected"/> when the rep chooses an item.</summary>
/// <param name="Item">The item chosen.</param>
/// <param name="Request">The request whose ribbon the menu belongs to, or <c>null</c> on the Workbench.</param>
/// <param name="Services">The services of the rep's session (scoped to the rep's connection).</param>
public sealed record MenuItemSelection(MenuItem Item, RequestReference? Request, IServiceProvider Services);
