using Microsoft.AspNetCore.SignalR;
using ServicePro.Contracts.Cluster;

namespace ServicePro.Modules.Chat.Notifications;

/// <summary>
/// Puts every chat hub connection in its host's group, so that a host can tell its own connections what it alone knows
/// (presence as this host sees it) without the backplane repeating it from every host.
/// </summary>
public sealed class HostGroupFilter(IClusterBus cluster) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await context.Hub.Groups.AddToGroupAsync(context.Context.ConnectionId, ChatChannels.HostGroup(cluster.HostId), context.Context.ConnectionAborted);
        await next(context);
    }
}
