using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServicePro.Host.Security;

/// <summary>
/// Identity's sign-in with the shell's policy around the password check, for the form and <c>/account/token</c> alike:
/// a user name that does not exist costs one hash like a wrong password, wrong passwords are throttled per client and
/// user name (<see cref="SignInGuard"/>) instead of locking the account, and checks wait in a bounded queue.
/// </summary>
public sealed class ServiceProSignInManager(
    UserManager<IdentityUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<IdentityUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<IdentityUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<IdentityUser> confirmation,
    SignInGuard guard)
    : SignInManager<IdentityUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly IdentityUser Nobody = new();
    private static string? s_nobodysHash;

    /// <remarks>Wrong passwords never lock the account, whatever <paramref name="lockoutOnFailure"/> says; an administrator's lockout still holds.</remarks>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var accountKey = SignInGuard.AccountKey(Context.Connection.RemoteIpAddress, UserManager.NormalizeName(userName) ?? string.Empty);
        if (guard.CheckFailureBudget(accountKey) is { } throttled)
        {
            return Counted(throttled);
        }

        using var slot = await guard.WaitForPasswordCheckAsync(Context.RequestAborted);
        if (!slot.IsAcquired)
        {
            return Counted(new SignInThrottledResult(SignInGuard.RetryAfter(slot, TimeSpan.FromSeconds(5)), busy: true));
        }

        var user = await UserManager.FindByNameAsync(userName);
        SignInResult result;
        if (user is null)
        {
            // The same work as a wrong password, so that the time taken does not tell who exists.
            s_nobodysHash ??= UserManager.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            UserManager.PasswordHasher.VerifyHashedPassword(Nobody, s_nobodysHash, password);
            result = SignInResult.Failed;
        }
        else
        {
            result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);

            // Identity says "not allowed" (disabled, temporary password) before it looks at the password: only someone who
            // knows it learns why, and a wrong one counts against the budget like any other.
            if (result.IsNotAllowed && !await UserManager.CheckPasswordAsync(user, password))
            {
                result = SignInResult.Failed;
            }
        }

        if (!result.Succeeded && !result.IsLockedOut && !result.IsNotAllowed && !result.RequiresTwoFactor)
        {
            guard.RecordFailure(accountKey);
        }

        return Counted(result);
    }

    private SignInResult Counted(SignInResult result)
    {
        // RequestServices is absent outside a request (tests build a bare context).
        Context.RequestServices?.GetService<Diagnostics.HostMetrics>()?.SignIn(result);
        return result;
    }
}
