namespace ServicePro.Modules.Chat.Notifications;

/// <summary>The module's names on the cluster bus and the hub groups that tell hosts apart (one place, never repeated).</summary>
public static class ChatChannels
{
    /// <summary>Presence of every host: changes, heartbeats, snapshots (see <c>PresenceReplicator</c>).</summary>
    public const string Presence = "chat:presence";

    /// <summary>Events for every shell on every host.</summary>
    public const string EveryShell = "chat:events:all";

    /// <summary>Events for the shells of some reps on one host: only a host where one of them is connected gets them.</summary>
    public static string ShellsOn(string hostId) => "chat:events:" + hostId;

    /// <summary>The hub group every chat hub connection of one host joins, for what each host tells its own connections.</summary>
    public static string HostGroup(string hostId) => "host:" + hostId;
}
