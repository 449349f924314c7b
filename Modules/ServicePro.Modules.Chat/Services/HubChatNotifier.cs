using Microsoft.AspNetCore.SignalR;
using ServicePro.Modules.Chat.Hubs;

namespace ServicePro.Modules.Chat.Services;

/// <summary>Sends through the hub: each connection is in its rep's group, so all of a rep's tabs get an event and no one else does.</summary>
public sealed class HubChatNotifier(IHubContext<ChatHub, IChatClient> hub) : IChatNotifier
{
    public static string UserGroup(string userName) => "user:" + userName.ToUpperInvariant();

    public Task ToUsersAsync(IReadOnlyCollection<string> userNames, Func<IChatClient, Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        return userNames.Count == 0 ? Task.CompletedTask : send(hub.Clients.Groups(userNames.Select(UserGroup).Distinct().ToList()));
    }

    public Task ToEveryoneAsync(Func<IChatClient, Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        return send(hub.Clients.All);
    }
}
