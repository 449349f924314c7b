using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Security;

namespace ServicePro.Host.Identity;

/// <summary>Admin → Users for administrators, and every signed-in user's own account page.</summary>
public sealed class UsersMenuContributor : IMenuContributor
{
    public const string AdminUsersId = "admin-users";
    public const string AccountId = "account";
    public const string AdminUsersPath = "admin/users";
    public const string AccountPath = "account/password";

    public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.MenuName != StandardMenus.Navigation || context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        if (context.User.IsInRole(ServiceProRoles.Administrator))
        {
            context.Add(new MenuItem(AdminUsersId, "Admin → Users", "People", 1010) { Href = AdminUsersPath });
        }

        context.Add(new MenuItem(AccountId, "My account", "Person", 2000) { Href = AccountPath });
        return Task.CompletedTask;
    }
}
