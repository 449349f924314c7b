using System.Security.Claims;

namespace ServicePro.Contracts.Extensibility;

/// <summary>
/// What the enabled modules contribute to the shell, for the rep's session: the shell renders it, and a module may
/// use it to render a menu or region of its own. Contributions of disabled modules are left out.
/// </summary>
public interface IShellContributions
{
    /// <summary>The items of a menu, by order then title.</summary>
    /// <param name="menuName">One of <see cref="StandardMenus"/>.</param>
    /// <param name="user">The rep the menu is for.</param>
    /// <param name="subject">What the page in view is about, handed to contributors as <see cref="MenuContext.Subject"/>; or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancelled when the rep leaves.</param>
    /// <returns>The items.</returns>
    Task<IReadOnlyList<MenuItem>> GetMenuAsync(string menuName, ClaimsPrincipal user, object? subject, CancellationToken cancellationToken);

    /// <summary>The Workbench tiles, by order then id.</summary>
    /// <returns>The tiles.</returns>
    IReadOnlyList<WorkbenchTile> GetTiles();

    /// <summary>The views of a region, by order.</summary>
    /// <param name="region">The region's name.</param>
    /// <returns>The views.</returns>
    IReadOnlyList<ViewContribution> GetViews(string region);
}
