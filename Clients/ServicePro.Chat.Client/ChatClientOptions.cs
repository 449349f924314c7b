using System.Net;

namespace ServicePro.Chat.Client;

/// <summary>How the chat client reaches the hub, signs in and reconnects.</summary>
public sealed class ChatClientOptions
{
    /// <summary>The hub's address, e.g. <c>http://localhost:5000/hubs/chat</c>.</summary>
    public required Uri HubUrl { get; init; }

    /// <summary>
    /// Returns a bearer token; asked on every (re)connect, so it may return a fresh one (<see cref="ChatSignIn"/> does:
    /// it signs in through <c>POST /account/token</c> and refreshes before the token expires).
    /// </summary>
    public Func<Task<string?>>? AccessTokenProvider { get; init; }

    /// <summary>Cookies to send instead of a token (a client that signed in through the shell's form).</summary>
    public CookieContainer? Cookies { get; init; }

    /// <summary>The first wait before reconnecting; it doubles (with jitter) after each failed attempt.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts; the client keeps trying until disposed or refused.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock of the client's own waits (the first start, a refused first call after a reconnect).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
