using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Application;

/// <summary>
/// Availability: a rep is online while any of her shells (circuits) or hub connections is up, on any host — several
/// count as one — and shows the status she chose. Everyone connected here is told when it changes (in the next batch of
/// <see cref="PresenceBroadcaster"/>); every other host
/// works out the same change from this host's report (<see cref="PresenceReplicator"/>) and tells its own.
/// </summary>
public sealed class PresenceHandler(PresenceTracker presence, PresenceBroadcaster broadcaster)
{
    /// <summary>A shell or hub connection of the rep came up (<paramref name="connectionId"/> is unique per shell or connection).</summary>
    public Task ConnectedAsync(ChatCaller caller, string connectionId) =>
        TellAsync(presence.Connected(caller.UserName, connectionId));

    /// <summary>A shell or hub connection went away (its browser vanished, the tab closed, the client disconnected).</summary>
    public Task DisconnectedAsync(ChatCaller caller, string connectionId) =>
        TellAsync(presence.Disconnected(caller.UserName, connectionId));

    public Task SetAsync(ChatCaller caller, PresenceStatus status) => TellAsync(presence.Set(caller.UserName, status));

    /// <summary>Every rep online now, with the status each chose.</summary>
    public IReadOnlyList<PresenceDto> Online() => presence.Online();

    private Task TellAsync(PresenceDto? changed)
    {
        if (changed is not null)
        {
            broadcaster.Post([changed]);
        }

        return Task.CompletedTask;
    }
}
