using ServicePro.Contracts.Extensibility;

namespace ServicePro.TestModules.Probe;

public sealed class ProbeMenuContributor : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken)
    {
        if (context.MenuName == StandardMenus.Navigation)
        {
            context.Add(new MenuItem(ProbeModule.ModuleId, "Probe", "Beaker", 500) { Href = "probe" });
        }
        else if (context.MenuName == StandardMenus.Social)
        {
            context.Add(new MenuItem(ProbeModule.ModuleId, "Probe", "Beaker", 500) { Href = "probe" });
        }

        return Task.CompletedTask;
    }
}
