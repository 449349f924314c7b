using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ServicePro.Host.Apis;

namespace ServicePro.Host.Security;

/// <summary>
/// Refuses (403) a connection to a hub or to the Blazor circuit that carries the shell's sign-in cookie but comes from a
/// page of another origin. Browsers send cookies by host, not by port, so without this a page on another port of the
/// same host (or a sibling site the cookie reaches) could open <c>/hubs/chat</c> as the signed-in rep. A WebSocket is
/// not subject to CORS, so the <c>Origin</c> header is the only sign of who opened it. Requests without the cookie
/// (bearer-token clients, the shell's own server-side connection) and requests without an <c>Origin</c> (clients
/// that are not browsers) are not concerned.
/// </summary>
public sealed partial class CookieOriginCheck(
    RequestDelegate next,
    IOptionsMonitor<CookieAuthenticationOptions> cookies,
    IOptions<SecurityOptions> options,
    ILogger<CookieOriginCheck> logger)
{
    /// <summary>Where a cookie opens a long-lived connection: module hubs and the circuit of every open shell.</summary>
    private static readonly PathString[] Guarded = [AccountApi.HubsPath, "/_blazor"];

    private readonly HashSet<string> _allowed = new(options.Value.AllowedOrigins.Select(o => Normalize(o)!), StringComparer.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!Guarded.Any(path => request.Path.StartsWithSegments(path))
            || !request.Headers.TryGetValue(HeaderNames.Origin, out var origin)
            || !request.Cookies.ContainsKey(cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? string.Empty)
            || IsAllowed(origin.Count == 1 ? origin[0] : null, request))
        {
            return next(context);
        }

        LogRefused(logger, request.Path, origin.ToString());
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync("This page's origin may not use the shell's sign-in here.");
    }

    /// <summary><c>scheme://host[:port]</c> in lower case without a default port, or null if it is not an http(s) origin.</summary>
    internal static string? Normalize(string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    private bool IsAllowed(string? origin, HttpRequest request)
    {
        var normalized = Normalize(origin);
        return normalized is not null
            && (normalized == Normalize($"{request.Scheme}://{request.Host}") || _allowed.Contains(normalized));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Path} to a page of {Origin}: it carries the sign-in cookie, and the origin is neither the shell's own nor in Security:AllowedOrigins")]
    private static partial void LogRefused(ILogger logger, string path, string origin);
}
