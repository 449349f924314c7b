using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

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
        account.MapPost("/token", async (SignInManager<IdentityUser> signIn, TokenRequest request) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
            {
                return Results.Problem("userName and password are required.", statusCode: StatusCodes.Status400BadRequest);
            }

            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
            return result.Succeeded
                ? Results.Empty
                : Results.Problem("The user name or password is not correct.", statusCode: StatusCodes.Status401Unauthorized);
        }).AllowAnonymous();

        return endpoints;
    }

    /// <summary>The body of <c>POST /account/token</c>.</summary>
    public sealed record TokenRequest(string? UserName, string? Password);
}
