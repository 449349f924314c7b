using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Users;

namespace ServicePro.Modules.Chat.Hubs;

/// <summary>
/// Closes a user's chat hub connections on this host at once when her access ends (<see cref="UserAccessRevokedEvent"/>,
/// published on any host): it remembers each open connection by user name, and aborts hers. A reconnect is refused by
/// the host's sign-in checks (her token's stamp is old, and she may not sign in).
/// </summary>
public sealed class UserAccessRevocation : IHubFilter, IDisposable
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;

    public UserAccessRevocation(IEventAggregator events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _subscription = events.Subscribe<UserAccessRevokedEvent>((revoked, _) =>
        {
            Close(revoked.UserName);
            return Task.CompletedTask;
        });
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        _connections[context.Context.ConnectionId] = context.Context;
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        _connections.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }

    /// <summary>Aborts every connection of <paramref name="userName"/> on this host.</summary>
    public void Close(string userName)
    {
        foreach (var connection in _connections.Values)
        {
            if (string.Equals(connection.User?.Identity?.Name, userName, StringComparison.OrdinalIgnoreCase))
            {
                connection.Abort();
            }
        }
    }

    public void Dispose() => _subscription.Dispose();
}
