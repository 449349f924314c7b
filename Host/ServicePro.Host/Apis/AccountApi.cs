using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ServicePro.Host.Apis;

public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");

        // Sign-out is a form POST with an antiforgery token, so that a link elsewhere cannot sign a rep out.
        account.MapPost("/logout", async (SignInManager<IdentityUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).AllowAnonymous();

        return endpoints;
    }
}
