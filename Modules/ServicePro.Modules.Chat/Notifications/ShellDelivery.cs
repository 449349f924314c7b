using Microsoft.Extensions.Logging;

namespace ServicePro.Modules.Chat.Notifications;

/// <summary>
/// Hands an event to the shells open on this host (<see cref="ChatSubscribers"/>). A shell's receiver only queues the
/// event onto its own circuit, so a slow or broken shell neither delays nor fails the others; one that throws is logged.
/// </summary>
public sealed partial class ShellDelivery(ChatSubscribers subscribers, ILogger logger)
{
    /// <summary>To the shells of these reps here, or to every shell here when <paramref name="userNames"/> is <c>null</c>.</summary>
    public void Deliver(IEnumerable<string>? userNames, ChatEvent chatEvent)
    {
        foreach (var receiver in userNames is null ? subscribers.All() : subscribers.Of(userNames))
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
