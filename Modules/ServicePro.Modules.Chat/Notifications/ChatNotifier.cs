using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using ServicePro.Modules.Chat.Hubs;

namespace ServicePro.Modules.Chat.Notifications;

/// <summary>
/// Fans each event out to the hub's connections (each connection is in its rep's group) and to the shells open on
/// this host (<see cref="ChatSubscribers"/>). A shell's receiver only queues the event onto its own circuit, so a slow
/// or broken shell neither delays nor fails the others; a receiver that throws is logged and skipped.
/// </summary>
public sealed partial class ChatNotifier(IHubContext<ChatHub, IChatClient> hub, ChatSubscribers subscribers, ILogger<ChatNotifier> logger) : IChatNotifier
{
    public static string UserGroup(string userName) => "user:" + userName.ToUpperInvariant();

    public async Task ToUsersAsync(IReadOnlyCollection<string> userNames, ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(userNames);
        ArgumentNullException.ThrowIfNull(chatEvent);
        if (userNames.Count == 0)
        {
            return;
        }

        Deliver(subscribers.Of(userNames), chatEvent);
        await chatEvent.DeliverAsync(hub.Clients.Groups([.. userNames.Select(UserGroup).Distinct()]));
    }

    public async Task ToEveryoneAsync(ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        Deliver(subscribers.All(), chatEvent);
        await chatEvent.DeliverAsync(hub.Clients.All);
    }

    private void Deliver(IReadOnlyList<IChatClient> receivers, ChatEvent chatEvent)
    {
        foreach (var receiver in receivers)
        {
            try
            {
                // Receivers queue and return: nothing to await.
                _ = chatEvent.DeliverAsync(receiver);
            }
            catch (Exception ex)
            {
                LogReceiverFailed(logger, ex, chatEvent.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A shell could not take a chat event ({Event}); the others got it")]
    private static partial void LogReceiverFailed(ILogger logger, Exception exception, string @event);
}
