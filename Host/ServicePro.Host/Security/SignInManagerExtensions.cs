using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace ServicePro.Host.Security;

/// <summary>The one test of whether a token still speaks for its user, for bearer requests and refresh alike.</summary>
public static class SignInManagerExtensions
{
    /// <returns>
    /// The user of <paramref name="principal"/> if the token's security stamp is current (no password change since) and
    /// the user may still sign in and is not locked out; otherwise <c>null</c>.
    /// </returns>
    public static async Task<IdentityUser?> UserWhoMaySignInAsync(this SignInManager<IdentityUser> signIn, ClaimsPrincipal? principal)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        return await signIn.ValidateSecurityStampAsync(principal) is { } user
            && await signIn.CanSignInAsync(user)
            && !await signIn.UserManager.IsLockedOutAsync(user)
                ? user
                : null;
    }
}
