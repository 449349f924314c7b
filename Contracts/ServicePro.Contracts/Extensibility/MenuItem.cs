namespace ServicePro.Contracts.Extensibility;

/// <summary>One entry of a menu, contributed by an <see cref="IMenuContributor"/>.</summary>
/// <param name="Id">
/// A stable id, unique in its menu; by convention the module id. The shell renders it as
/// <c>data-testid="nav-{Id}"</c> or <c>data-testid="social-item-{Id}"</c>.
/// </param>
/// <param name="Title">The text the rep sees.</param>
/// <param name="Icon">
/// The name of a Fluent UI System icon (size 20, regular), such as <c>"Chat"</c>, <c>"Mail"</c> or <c>"Board"</c>;
/// <c>null</c> or an unknown name shows a neutral icon.
/// </param>
/// <param name="Order">Items are shown by ascending order, then by title.</param>
public sealed record MenuItem(string Id, string Title, string? Icon, int Order)
{
    /// <summary>
    /// Where the item leads: a shell path (<c>"requests"</c>), an absolute URL or a <c>mailto:</c> link. Used when
    /// <see cref="OnSelected"/> is <c>null</c>.
    /// </summary>
    public string? Href { get; init; }

    /// <summary>
    /// What happens when the rep chooses the item, in the rep's own session (the services are those of the rep's
    /// connection). Takes precedence over <see cref="Href"/>.
    /// </summary>
    public Func<MenuItemSelection, Task>? OnSelected { get; init; }

    /// <summary>For navigation items: the path is active only when it matches exactly (the Workbench at <c>/</c>).</summary>
    public bool MatchExactly { get; init; }
}
