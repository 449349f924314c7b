namespace ServicePro.Modules.Chat.Notifications;

/// <summary>
/// Tells reps what happened, wherever they are connected: hub connections and open shells alike. The handlers know only
/// this interface, so carrying events to other hosts (a backplane) is a different implementation, not a handler change.
/// </summary>
public interface IChatNotifier
{
    /// <summary>To every connection and shell of these reps (each rep once, however many tabs and clients).</summary>
    Task ToUsersAsync(IReadOnlyCollection<string> userNames, ChatEvent chatEvent);

    /// <summary>To every connected rep.</summary>
    Task ToEveryoneAsync(ChatEvent chatEvent);
}
