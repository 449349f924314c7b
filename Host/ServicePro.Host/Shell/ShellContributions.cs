using System.Security.Claims;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;

namespace ServicePro.Host.Shell;

/// <summary>
/// Collects what enabled modules contribute to the shell — menu items, tiles, views — for one rep's session.
/// Contributions of a disabled module are left out, so asking again after a change shows the new set.
/// </summary>
public sealed class ShellContributions(
    IEnumerable<IMenuContributor> contributors,
    IEnumerable<WorkbenchTile> tiles,
    IEnumerable<ViewContribution> views,
    IModuleStatus modules,
    IServiceProvider services,
    ILogger<ShellContributions> logger) : IShellContributions
{
    public async Task<IReadOnlyList<MenuItem>> GetMenuAsync(string menuName, ClaimsPrincipal user, object? subject, CancellationToken cancellationToken)
    {
        var context = new MenuContext(menuName, user, subject, services);
        foreach (var contributor in contributors.Where(c => modules.IsActive(c.GetType())))
        {
            try
            {
                await contributor.ConfigureMenuAsync(context, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken contributor must not take the menu away from the rep.
                logger.LogError(ex, "{Contributor} failed to fill menu {Menu}", contributor.GetType().FullName, menuName);
            }
        }

        return context.Items
            .GroupBy(i => i.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(i => i.Order)
            .ThenBy(i => i.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    public IReadOnlyList<WorkbenchTile> GetTiles() => tiles
        .Where(t => modules.IsActive(t.ComponentType))
        .OrderBy(t => t.Order)
        .ThenBy(t => t.Id, StringComparer.Ordinal)
        .ToList();

    public IReadOnlyList<ViewContribution> GetViews(string region) => views
        .Where(v => v.Region == region && modules.IsActive(v.ComponentType))
        .OrderBy(v => v.Order)
        .ToList();
}
