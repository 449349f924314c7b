using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ServicePro.Host.Security;

namespace ServicePro.Host.Apis;

public static class AccountApi
{
    /// <summary>Module hubs live under this path; there a bearer token may arrive as the <c>access_token</c> query string.</summary>
    public const string HubsPath = "/hubs";

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");

        // Sign-out is a form POST with an antiforgery token, so that a link elsewhere cannot sign a rep out.
        account.MapPost("/logout", async (SignInManager<IdentityUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).AllowAnonymous();

        // For clients without a browser: user name and password in, a bearer access token out
        // ({ tokenType, accessToken, expiresIn, refreshToken }); a wrong password is 401 with nothing issued.
        account.MapPost("/token", async (SignInManager<IdentityUser> signIn, HttpContext http, TokenRequest request) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
            {
                return Results.Problem("userName and password are required.", statusCode: StatusCodes.Status400BadRequest);
            }

            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: false);
            if (result is SignInThrottledResult throttled)
            {
                http.Response.Headers.RetryAfter = throttled.RetryAfterSeconds;
                return Results.Problem(throttled.Message, statusCode: throttled.StatusCode);
            }

            return result.Succeeded
                ? Results.Empty
                : Results.Problem("The user name or password is not correct.", statusCode: StatusCodes.Status401Unauthorized);
        }).AllowAnonymous().RequireRateLimiting(SignInClientRateLimiterPolicy.Name);

        // A new access token for the refresh token of an earlier one, as long as the user may still sign in and has
        // not changed password since (the same checks as Identity's own /refresh, plus lockout).
        account.MapPost("/refresh", async (SignInManager<IdentityUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, RefreshRequest request) =>
        {
            if (string.IsNullOrEmpty(request.RefreshToken))
            {
                return Results.Problem("refreshToken is required.", statusCode: StatusCodes.Status400BadRequest);
            }

            var options = bearer.Get(IdentityConstants.BearerScheme);
            var ticket = options.RefreshTokenProtector.Unprotect(request.RefreshToken);
            var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
            if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires
                || await signIn.UserWhoMaySignInAsync(ticket.Principal) is not { } user)
            {
                return Results.Problem("The refresh token is not valid any more; sign in again.", statusCode: StatusCodes.Status401Unauthorized);
            }

            return Results.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous().RequireRateLimiting(SignInClientRateLimiterPolicy.Name);

        return endpoints;
    }

    /// <summary>The body of <c>POST /account/token</c>.</summary>
    public sealed record TokenRequest(string? UserName, string? Password);

    /// <summary>The body of <c>POST /account/refresh</c>: the <c>refreshToken</c> of an earlier token answer.</summary>
    public sealed record RefreshRequest(string? RefreshToken);
}
