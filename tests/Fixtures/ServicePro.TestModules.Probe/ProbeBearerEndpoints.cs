using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace ServicePro.TestModules.Probe;

/// <summary>
/// "Who am I" endpoints that accept only a bearer token, one under <c>/hubs</c> and one outside it, so that tests can
/// see where the host takes a token from the <c>access_token</c> query string.
/// </summary>
public static class ProbeBearerEndpoints
{
    public const string OutsideHubsPath = "/api/probe/me";
    public const string UnderHubsPath = "/hubs/probe/me";

    public static void MapProbeBearerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var bearerOnly = new AuthorizationPolicyBuilder(IdentityConstants.BearerScheme).RequireAuthenticatedUser().Build();
        endpoints.MapGet(OutsideHubsPath, (ClaimsPrincipal user) => TypedResults.Text(user.Identity?.Name ?? "")).RequireAuthorization(bearerOnly);
        endpoints.MapGet(UnderHubsPath, (ClaimsPrincipal user) => TypedResults.Text(user.Identity?.Name ?? "")).RequireAuthorization(bearerOnly);
    }
}
