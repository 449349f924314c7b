using Microsoft.Extensions.DependencyInjection;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Requests;
using ServicePro.Modules.Chat.Shell;

namespace ServicePro.Modules.Chat;

/// <summary>Social → Chat: on a request's ribbon it starts a session about that request, on the Workbench's a Workbench session.</summary>
public sealed class ChatSocialMenuItems : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.MenuName == StandardMenus.Social)
        {
            context.Add(new MenuItem(ChatConstants.SocialItemId, ChatConstants.Title, ChatConstants.Icon, 0) { OnSelected = StartAsync });
        }

        return Task.CompletedTask;
    }

    // The subject is opaque to the shell: a request's page passes its RequestReference; any other page is a Workbench session.
    private static Task StartAsync(MenuItemSelection selection) =>
        selection.Services.GetRequiredService<ChatShell>().StartSessionAsync(selection.Subject is RequestReference request ? request.Number : null);
}
