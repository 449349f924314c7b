using ServicePro.Contracts.Extensibility;

namespace Company.Module1;

/// <summary>Adds the module's item to the ribbon's Social menu, linking to its page.</summary>
public sealed class Module1SocialMenuItems : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken)
    {
        // Asked for every menu: fill only the Social one. context.Subject is what the page is about (null on the Workbench).
        if (context.MenuName == StandardMenus.Social)
        {
            context.Add(new MenuItem(Module1Constants.ModuleId, Module1Constants.Title, "Star", 200) { Href = Module1Constants.PagePath });
        }

        return Task.CompletedTask;
    }
}
