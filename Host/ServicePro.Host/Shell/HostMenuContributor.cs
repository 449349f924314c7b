using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Security;

namespace ServicePro.Host.Shell;

/// <summary>The shell's own navigation entries: the Workbench, and Admin → Modules for administrators.</summary>
public sealed class HostMenuContributor : IMenuContributor
{
    public const string WorkbenchId = "workbench";
    public const string AdminModulesId = "admin-modules";

    public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken)
    {
        if (context.MenuName != StandardMenus.Navigation)
        {
            return Task.CompletedTask;
        }

        context.Add(new MenuItem(WorkbenchId, "Workbench", "Board", 0) { Href = "", MatchExactly = true });
        if (context.User.IsInRole(ServiceProRoles.Administrator))
        {
            context.Add(new MenuItem(AdminModulesId, "Admin → Modules", "AppsAddIn", 1000) { Href = "admin/modules" });
        }

        return Task.CompletedTask;
    }
}
