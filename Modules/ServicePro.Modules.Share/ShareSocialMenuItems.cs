using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Requests;

namespace ServicePro.Modules.Share;

/// <summary>Adds "E-mail a colleague" to the Social menu, with a mailto: link about the request in view, if the page is about one.</summary>
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
            // The subject is opaque to the shell; a request's page passes its RequestReference, any other page what it
            // is about (or nothing), which gets the general link.
            Href = MailLink.For(context.Subject as RequestReference, baseUri),
        });
        return Task.CompletedTask;
    }
}
