using ServicePro.Contracts.Extensibility;

namespace ServicePro.Modules.Chat;

/// <summary>The Messages entry of the shell's navigation (<c>nav-messages</c>).</summary>
public sealed class ChatNavigation : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.MenuName == StandardMenus.Navigation)
        {
            context.Add(new MenuItem(ChatConstants.MessagesItemId, ChatConstants.MessagesTitle, ChatConstants.MessagesIcon, 20)
            {
                Href = ChatConstants.MessagesRoute.TrimStart('/'),
            });
        }

        return Task.CompletedTask;
    }
}
