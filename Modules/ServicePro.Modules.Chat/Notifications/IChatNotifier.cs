namespace ServicePro.Modules.Chat.Notifications;

/// <summary>
/// Tells reps what happened, wherever they are connected: hub connections and open shells alike, on every host. The
/// handlers know only this interface, so carrying events to other hosts is the implementation's business.
/// </summary>
public interface IChatNotifier
{
    /// <summary>To every connection and shell of these reps (each rep once, however many tabs, clients and hosts).</summary>
    Task ToUsersAsync(IReadOnlyCollection<string> userNames, ChatEvent chatEvent);

    /// <summary>To every connected rep.</summary>
    Task ToEveryoneAsync(ChatEvent chatEvent);

    /// <summary>
    /// To every connection and shell on this host only: for what each host works out for itself (presence, which every
    /// host merges from all hosts' reports). With one host that is everyone.
    /// </summary>
    Task ToEveryoneHereAsync(ChatEvent chatEvent) => ToEveryoneAsync(chatEvent);
}
