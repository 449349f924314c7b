namespace ServicePro.Modules.Chat.Client;

/// <summary>The connection as the UI's banner shows it.</summary>
public enum ChatConnectionState
{
    Disconnected,
    Connected,
    Reconnecting,
}
