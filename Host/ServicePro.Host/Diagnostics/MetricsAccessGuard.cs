using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using ServicePro.Contracts.Security;

namespace ServicePro.Host.Diagnostics;

/// <summary>
/// Who may read <c>/metrics</c>: a caller from <see cref="PrometheusOptions.AllowedNetworks"/> (a scraper beside the
/// host), or an administrator signed in with the shell's cookie or a bearer token. Anyone else: 401 without
/// credentials, 403 with a user who is not an administrator. The figures name no one, but they tell an outsider how
/// busy the desk is and which modules run.
/// </summary>
public sealed class MetricsAccessGuard(RequestDelegate next, IReadOnlyList<IPNetwork> allowedNetworks)
{
    public static IReadOnlyList<IPNetwork> ParseNetworks(string? networks) =>
        [.. (networks ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IPNetwork.Parse)];

    public async Task InvokeAsync(HttpContext context)
    {
        var client = context.Connection.RemoteIpAddress;
        if (client is not null && client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        if (client is not null && allowedNetworks.Any(n => n.Contains(client)))
        {
            await next(context);
            return;
        }

        var user = await SignedInUserAsync(context);
        if (user is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }

        if (!user.IsInRole(ServiceProRoles.Administrator))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await next(context);
    }

    private static async Task<ClaimsPrincipal?> SignedInUserAsync(HttpContext context)
    {
        // The cookie was read by UseAuthentication (the default scheme); a bearer token is read here.
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return context.User;
        }

        var bearer = await context.AuthenticateAsync(IdentityConstants.BearerScheme);
        return bearer.Succeeded ? bearer.Principal : null;
    }
}
