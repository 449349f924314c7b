namespace ServicePro.Contracts.Extensibility;

/// <summary>Passed to <see cref="MenuItem.OnSelected"/> when the rep chooses an item.</summary>
/// <param name="Item">The item chosen.</param>
/// <param name="Subject">
/// What the page whose ribbon the menu belongs to is about (<see cref="MenuContext.Subject"/>), or <c>null</c> on the
/// Workbench; pattern-match the types you understand.
/// </param>
/// <param name="Services">The services of the rep's session (scoped to the rep's connection).</param>
public sealed record MenuItemSelection(MenuItem Item, object? Subject, IServiceProvider Services);
