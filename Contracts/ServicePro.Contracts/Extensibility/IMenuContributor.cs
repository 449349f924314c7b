namespace ServicePro.Contracts.Extensibility;

/// <summary>
/// Adds items to the shell's menus. Register with
/// <see cref="ContributionServiceCollectionExtensions.AddMenuContributor{TContributor}"/>. Items of a disabled module
/// disappear from every open shell at once.
/// </summary>
public interface IMenuContributor
{
    /// <summary>Adds this contributor's items to <paramref name="context"/> if it fills that menu.</summary>
    /// <param name="context">The menu being built; check <see cref="MenuContext.MenuName"/> first.</param>
    /// <param name="cancellationToken">Cancelled when the rep leaves the page.</param>
    Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken);
}
