using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Requests;

namespace ServicePro.Modules.Requests;

/// <summary>The Requests entry of the shell's navigation.</summary>
public sealed class RequestsNavigation : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.MenuName == StandardMenus.Navigation)
        {
            context.Add(new MenuItem(RequestsConstants.NavigationItemId, RequestsConstants.Title, RequestsConstants.Icon, 10) { Href = RequestRoutes.List });
        }

        return Task.CompletedTask;
    }
}
