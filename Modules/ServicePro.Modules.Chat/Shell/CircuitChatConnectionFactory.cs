using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePro.Modules.Chat.Client;

namespace ServicePro.Modules.Chat.Shell;

/// <summary>
/// Connects a circuit to the host's own hub as the circuit's signed-in rep: on every (re)connect it mints a short-lived
/// bearer token for that rep with the host's bearer scheme (the same protector that <c>POST /account/token</c> uses).
/// Nothing the browser sends decides who the connection is.
/// </summary>
public sealed class CircuitChatConnectionFactory(IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, ILoggerFactory logging) : IChatConnectionFactory
{
    // The hub closes a connection when its token expires; this one lives exactly as long as its circuit, so a short
    // token would drop and reconnect the shell's chat every few minutes. Each (re)connect is still checked against the
    // user as stored now (security stamp, lockout).
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);

    public IChatService Create(ClaimsPrincipal user, Uri hubUrl)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ChatClient(
            new ChatClientOptions { HubUrl = hubUrl, AccessTokenProvider = () => Task.FromResult<string?>(Mint(user)) },
            logging);
    }

    private string Mint(ClaimsPrincipal user)
    {
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = time.GetUtcNow() + TokenLifetime };
        return options.BearerTokenProtector.Protect(new AuthenticationTicket(user, properties, IdentityConstants.BearerScheme));
    }
}
