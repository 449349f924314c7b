using Microsoft.AspNetCore.SignalR;

namespace ServicePro.Bench.Chat;

/// <summary>
/// The yardstick: a SignalR hub that only relays a text to a group, with no storage and no authorization. Like the
/// chat hub, a send reaches every member of the group, the sender included, and is answered once handed to them.
/// </summary>
public sealed class BareRelayHub : Hub
{
    public const string Route = "/hubs/relay";
    public const string RelayEvent = "Relay";

    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task Send(string group, string text) => Clients.Group(group).SendAsync(RelayEvent, text);
}
