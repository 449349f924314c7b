using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePro.Host.Data;
using ServicePro.Host.Identity;

namespace ServicePro.Host.Security;

/// <summary>
/// Whether a bearer token's user may still use ServicePro, as Identity's sign-in manager decides it
/// (<see cref="SignInManagerExtensions.UserWhoMaySignInAsync"/>: the token's security stamp is current, the account is
/// confirmed — not disabled, no temporary password — and not locked out), read in one query. Every bearer request runs
/// it (a hub connection twice: negotiate and connect), and the sign-in manager's way — building the manager and its
/// user manager, then three queries — was about half of the time it took 1,000 reps to connect.
/// <c>BearerUserCheckTests</c> holds it to the sign-in manager's answer in every case.
/// </summary>
public sealed class BearerUserCheck(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    // Per check, not static: a compiled query serves one EF model, and each provider's context has its own.
    private readonly Func<ServiceProIdentityDbContext, string, CancellationToken, Task<UserToCheck?>> _user =
        EF.CompileAsyncQuery((ServiceProIdentityDbContext db, string id, CancellationToken _) =>
            (from u in db.Users.AsNoTracking()
             where u.Id == id
             join p in db.UserProfiles on u.Id equals p.UserId into profiles
             from p in profiles.DefaultIfEmpty()
             select new UserToCheck(
                 u.SecurityStamp,
                 u.EmailConfirmed,
                 u.PhoneNumberConfirmed,
                 u.LockoutEnabled,
                 u.LockoutEnd,
                 p == null ? null : p.Disabled,
                 p == null ? null : p.MustChangePassword))
            .FirstOrDefault());

    /// <summary>
    /// True when the user of <paramref name="principal"/> may still use ServicePro. The check runs in a scope of its own,
    /// disposed at once: a hub connection's request lasts as long as the connection, and a DbContext resolved from its
    /// request services would stay alive that long (about 50 KB each).
    /// </summary>
    public async Task<bool> MayUseAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var options = identity.Value;
        if (principal.FindFirstValue(options.ClaimsIdentity.UserIdClaimType) is not { } id)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var user = await _user(scope.ServiceProvider.GetRequiredService<ServiceProIdentityDbContext>(), id, cancellationToken);
        return user is not null
            && user.SecurityStamp == principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType)
            && (!options.SignIn.RequireConfirmedEmail || user.EmailConfirmed)
            && (!options.SignIn.RequireConfirmedPhoneNumber || user.PhoneNumberConfirmed)
            && (!options.SignIn.RequireConfirmedAccount || UserAccessConfirmation.StateOf(user.Disabled, user.MustChangePassword) == UserAccessState.Allowed)
            && !(user.LockoutEnabled && user.LockoutEnd >= clock.GetUtcNow());
    }

    private sealed record UserToCheck(
        string? SecurityStamp,
        bool EmailConfirmed,
        bool PhoneNumberConfirmed,
        bool LockoutEnabled,
        DateTimeOffset? LockoutEnd,
        bool? Disabled,
        bool? MustChangePassword);
}
