using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Data;
using ServicePro.Host.Security;

namespace ServicePro.Host.Identity;

/// <summary>
/// A user changes her own password: signed in (her account page), or at her first sign-in with the temporary password
/// an administrator gave her. The current password is checked against the same failure budget as sign-in.
/// </summary>
public sealed class OwnPassword(UserManager<IdentityUser> users, ServiceProIdentityDbContext db, UserAudit audit, SignInGuard guard, IHttpContextAccessor http)
{
    public async Task<UserChangeResult> ChangeAsync(string userName, string currentPassword, string newPassword)
    {
        var key = SignInGuard.AccountKey(http.HttpContext?.Connection.RemoteIpAddress, users.NormalizeName(userName) ?? string.Empty);
        if (guard.CheckFailureBudget(key) is { } throttled)
        {
            return UserChangeResult.Refused(throttled.Message);
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            return UserChangeResult.Refused("Enter a new password.");
        }

        if (newPassword == currentPassword)
        {
            return UserChangeResult.Refused("Choose a password different from the current one.");
        }

        var user = await users.FindByNameAsync(userName);
        var disabled = user is not null && await db.UserProfiles.AnyAsync(p => p.UserId == user.Id && p.Disabled);
        if (user?.UserName is null || disabled)
        {
            guard.RecordFailure(key);
            return UserChangeResult.Refused("The current password is not correct.");
        }

        var changed = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // Each attempt from scratch: a server database may retry the whole unit after a transient fault.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var fresh = await users.FindByIdAsync(user.Id);
            var result = fresh is null ? IdentityResult.Failed(new IdentityErrorDescriber().PasswordMismatch()) : await users.ChangePasswordAsync(fresh, currentPassword, newPassword);
            if (result.Succeeded)
            {
                if (await db.UserProfiles.SingleOrDefaultAsync(p => p.UserId == user.Id) is { } profile)
                {
                    profile.MustChangePassword = false;
                }

                audit.Add(user.UserName, user.UserName, "Changed her own password");
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            return result;
        });
        if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            guard.RecordFailure(key);
            return UserChangeResult.Refused("The current password is not correct.");
        }

        return changed.Succeeded ? UserChangeResult.Done : UserChangeResult.Refused(string.Join(" ", changed.Errors.Select(e => e.Description)));
    }
}
