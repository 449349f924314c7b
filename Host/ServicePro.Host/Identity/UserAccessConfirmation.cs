using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Data;

namespace ServicePro.Host.Identity;

/// <summary>
/// Identity's own hook for "may this account sign in" (with <c>SignIn.RequireConfirmedAccount</c>): a user who is
/// disabled, or who still holds a temporary password, gets no cookie and no token — <c>CanSignInAsync</c> says no, so the
/// sign-in form, <c>/account/token</c>, <c>/account/refresh</c> and every bearer request refuse her.
/// </summary>
public sealed class UserAccessConfirmation(ServiceProIdentityDbContext db) : IUserConfirmation<IdentityUser>
{
    public async Task<bool> IsConfirmedAsync(UserManager<IdentityUser> manager, IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await StateOfIdAsync(user.Id, CancellationToken.None) == UserAccessState.Allowed;
    }

    /// <summary>The state of the user named <paramref name="userName"/>; <see cref="UserAccessState.Allowed"/> for nobody.</summary>
    public async Task<UserAccessState> StateOfAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = userName.ToUpperInvariant();
        var id = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        return id is null ? UserAccessState.Allowed : await StateOfIdAsync(id, cancellationToken);
    }

    private async Task<UserAccessState> StateOfIdAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await db.UserProfiles.AsNoTracking()
            .Where(p => p.UserId == userId)
            .Select(p => new { p.Disabled, p.MustChangePassword })
            .SingleOrDefaultAsync(cancellationToken);
        return StateOf(profile?.Disabled, profile?.MustChangePassword);
    }

    /// <summary>The state a user's profile gives (a user without a profile row is allowed).</summary>
    public static UserAccessState StateOf(bool? disabled, bool? mustChangePassword) => (disabled, mustChangePassword) switch
    {
        (true, _) => UserAccessState.Disabled,
        (_, true) => UserAccessState.MustChangePassword,
        _ => UserAccessState.Allowed,
    };
}
