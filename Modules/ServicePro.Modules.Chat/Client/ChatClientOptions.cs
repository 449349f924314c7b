namespace ServicePro.Modules.Chat.Client;

/// <summary>How the chat client reaches the hub and reconnects.</summary>
public sealed class ChatClientOptions
{
    /// <summary>The hub's address, e.g. <c>http://localhost:5000/hubs/chat</c>.</summary>
    public required Uri HubUrl { get; init; }

    /// <summary>Returns a bearer token (from <c>POST /account/token</c>, or the circuit's); called on every (re)connect.</summary>
    public Func<Task<string?>>? AccessTokenProvider { get; init; }

    /// <summary>Cookies to send instead of a token (the shell's sign-in cookie).</summary>
    public System.Net.CookieContainer? Cookies { get; init; }

    /// <summary>The first wait before reconnecting; it grows exponentially with jitter.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between reconnect attempts (it keeps trying until disposed).</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
