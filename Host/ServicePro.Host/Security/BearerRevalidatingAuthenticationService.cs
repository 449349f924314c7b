using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServicePro.Host.Security;

/// <summary>
/// Bearer tokens are self-contained, so a token issued before a password change or a lockout would otherwise stay good
/// until it expires. Every bearer-authenticated request (hub negotiate and connect included) is checked against the
/// user as they are now: the token's security stamp must be current and the user allowed to sign in and not locked out.
/// The built-in bearer handler has no validation event, so the check (<see cref="BearerUserCheck"/>) sits in the
/// authentication service.
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

        if (!await context.RequestServices.GetRequiredService<BearerUserCheck>().MayUseAsync(result.Principal, context.RequestAborted))
        {
            return AuthenticateResult.Fail("The token's user is locked out, or the token was issued before the password changed.");
        }

        return result;
    }
}
