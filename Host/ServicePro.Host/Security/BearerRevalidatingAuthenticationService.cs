using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServicePro.Host.Security;

/// <summary>
/// Bearer tokens are self-contained, so a token issued before a password change or a lockout would otherwise stay good
/// until it expires. Every bearer-authenticated request (hub negotiate and connect included) is checked against the
/// user as they are now: the token's security stamp must be current and the user allowed to sign in and not locked out.
/// The built-in bearer handler has no validation event, so the check sits in the authentication service.
/// The check runs in a scope of its own, disposed at once: a hub connection's request lasts as long as the connection,
/// and resolving the sign-in manager from its request services kept an Identity DbContext (with EF's internal scope)
/// alive per connection — about 50 KB each.
/// </summary>
public sealed class BearerRevalidatingAuthenticationService(
    IAuthenticationSchemeProvider schemes,
    IAuthenticationHandlerProvider handlers,
    IClaimsTransformation transform,
    IOptions<AuthenticationOptions> options)
    : AuthenticationService(schemes, handlers, transform, options)
{
    public override async Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await base.AuthenticateAsync(context, scheme);
        if (!result.Succeeded || scheme != IdentityConstants.BearerScheme)
        {
            return result;
        }

        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>();
        if (await signIn.UserWhoMaySignInAsync(result.Principal) is null)
        {
            return AuthenticateResult.Fail("The token's user is locked out, or the token was issued before the password changed.");
        }

        return result;
    }
}
