using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using ServicePro.Modules.Chat.Hubs;

namespace ServicePro.Modules.Chat.Notifications;

/// <summary>
/// Fans each event out to the hub's connections (each connection is in its rep's group; the SignalR backplane carries
/// groups to every host), to the shells open on this host (<see cref="ChatSubscribers"/>) and, through
/// <see cref="ChatEventRelay"/>, to the shells open on other hosts. A shell's receiver only queues the event onto its
/// own circuit, so a slow or broken shell neither delays nor fails the others; a receiver that throws is logged and skipped.
/// </summary>
public sealed class ChatNotifier(IHubContext<ChatHub, IChatClient> hub, ChatSubscribers subscribers, ILogger<ChatNotifier> logger, ChatEventRelay? relay = null)
    : IChatNotifier
{
    private readonly ShellDelivery _shells = new(subscribers, logger);

    public static string UserGroup(string userName) => "user:" + userName.ToUpperInvariant();

    public async Task ToUsersAsync(IReadOnlyCollection<string> userNames, ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(userNames);
        ArgumentNullException.ThrowIfNull(chatEvent);
        if (userNames.Count == 0)
        {
            return;
        }

        _shells.Deliver(userNames, chatEvent);
        var relayed = relay?.ToUsersAsync(userNames, chatEvent) ?? Task.CompletedTask;
        await chatEvent.DeliverAsync(hub.Clients.Groups([.. userNames.Select(UserGroup).Distinct()]));
        await relayed;
    }

    public async Task ToEveryoneAsync(ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        _shells.Deliver(null, chatEvent);
        var relayed = relay?.ToEveryShellAsync(chatEvent) ?? Task.CompletedTask;
        await chatEvent.DeliverAsync(hub.Clients.All);
        await relayed;
    }

    public async Task ToEveryoneHereAsync(ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        _shells.Deliver(null, chatEvent);
        await chatEvent.DeliverAsync(relay is null ? hub.Clients.All : hub.Clients.Group(ChatChannels.HostGroup(relay.HostId)));
    }
}
