using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Contracts.Extensibility;

namespace ServicePro.Modules.Share;

/// <summary>Adds "E-mail a colleague" to the Social menu, with a mailto: link about the request in view.</summary>
public sealed class ShareSocialMenuItems : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken)
    {
        if (context.MenuName != StandardMenus.Social)
        {
            return Task.CompletedTask;
        }

        var baseUri = context.Services.GetService<NavigationManager>()?.BaseUri;
        context.Add(new MenuItem(ShareConstants.ModuleId, ShareConstants.EmailItemTitle, "Mail", 100)
        {
            Href = MailLink.For(context.Request, baseUri),
        });
        return Task.CompletedTask;
    }
}
