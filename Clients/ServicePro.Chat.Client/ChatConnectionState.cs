namespace ServicePro.Chat.Client;

/// <summary>The client's connection as a user would be told about it.</summary>
public enum ChatConnectionState
{
    /// <summary>Not started, disposed, or the hub refused the sign-in (a new token or client is needed).</summary>
    Disconnected,

    /// <summary>Connected and ready: events addressed to the rep arrive.</summary>
    Connected,

    /// <summary>The connection was lost; the client is getting it back (then catches up and resends).</summary>
    Reconnecting,
}
