namespace ServicePro.Chat.Protocol;

/// <summary>A rep's availability. Offline is never set by a rep: it means no open connection.</summary>
public enum PresenceStatus
{
    Offline,
    Available,
    Busy,
    Away,
}
