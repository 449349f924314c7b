using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Security;
using ServicePro.Contracts.Users;
using ServicePro.Host.Data;
using ServicePro.Host.Security;

namespace ServicePro.Host.Identity;

/// <summary>
/// What an administrator does to accounts (Admin → Users). Every call checks, against the database, that the caller is
/// an enabled Administrator now — whatever the page showed — and writes one audit line with the change.
/// </summary>
public sealed class UserAdministration(
    UserManager<IdentityUser> users,
    ServiceProIdentityDbContext db,
    UserAudit audit,
    RevokedSessions revoked,
    IEventAggregator events,
    SignInGuard guard,
    UserDisplayNames displayNames)
{
    public const string NotAnAdministrator = "Only an enabled administrator may manage users.";
    public const string LastAdministrator = "This is the last enabled administrator: make another user an administrator first.";

    private static readonly EmailAddressAttribute EmailFormat = new();

    public async Task<UserChangeResult> CreateAsync(ClaimsPrincipal caller, NewUser input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await AdministratorAsync(caller) is not { } actor)
        {
            return UserChangeResult.Refused(NotAnAdministrator);
        }

        if (Validate(input) is { } problem)
        {
            return UserChangeResult.Refused(problem);
        }

        var userName = input.UserName.Trim();
        var result = await InTransactionAsync(async () =>
        {
            var user = new IdentityUser(userName) { Email = input.Email.Trim(), EmailConfirmed = true };
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
            {
                return UserChangeResult.Refused(Describe(created));
            }

            var roles = await users.AddToRolesAsync(user, input.Roles);
            if (!roles.Succeeded)
            {
                return UserChangeResult.Refused(Describe(roles));
            }

            db.UserProfiles.Add(new UserProfileRecord { UserId = user.Id, DisplayName = Blank(input.DisplayName), MustChangePassword = true });
            audit.Add(actor, userName, $"Created ({string.Join(", ", input.Roles)}) as “{DisplayNameOf(input)}”, with a temporary password");
            return UserChangeResult.Done;
        });
        if (result.Succeeded)
        {
            displayNames.Set(userName, Blank(input.DisplayName));
        }

        return result;
    }

    public async Task<UserChangeResult> SetRolesAsync(ClaimsPrincipal caller, string userName, IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var result = await ChangeAsync(caller, userName, async (user, profile) =>
        {
            if (roles.Any(r => !UserRoles.All.Contains(r)))
            {
                return Refuse("Unknown role.");
            }

            var current = await users.GetRolesAsync(user);
            if (!roles.Contains(ServiceProRoles.Administrator) && current.Contains(ServiceProRoles.Administrator)
                && !profile.Disabled && await IsLastEnabledAdministratorAsync(user))
            {
                return Refuse(LastAdministrator);
            }

            var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
            var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(current)) : removed;
            return added.Succeeded ? Record($"Roles set to {(roles.Count == 0 ? "none" : string.Join(", ", roles))}") : Refuse(Describe(added));
        });
        if (result.Succeeded)
        {
            // Her open shells reload with the new roles (the pages and menus they allow), on every host.
            revoked.MarkStale(userName);
            events.Publish(new UserSessionsStaleEvent(userName));
        }

        return result;
    }

    public async Task<UserChangeResult> SetEnabledAsync(ClaimsPrincipal caller, string userName, bool enabled)
    {
        var result = await ChangeAsync(caller, userName, async (user, profile) =>
        {
            if (profile.Disabled == !enabled)
            {
                return Record(enabled ? "Enabled (already)" : "Disabled (already)");
            }

            if (!enabled && await users.IsInRoleAsync(user, ServiceProRoles.Administrator) && await IsLastEnabledAdministratorAsync(user))
            {
                return Refuse(LastAdministrator);
            }

            profile.Disabled = !enabled;

            // A new stamp ends her tokens at once and, after a restart, her cookies at their next check.
            await users.UpdateSecurityStampAsync(user);
            return Record(enabled ? "Enabled" : "Disabled");
        });
        if (result.Succeeded && !enabled)
        {
            RevokeSessions(userName);
        }

        return result;
    }

    public async Task<UserChangeResult> ResetPasswordAsync(ClaimsPrincipal caller, string userName, string temporaryPassword)
    {
        var result = await ChangeAsync(caller, userName, async (user, profile) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, temporaryPassword ?? string.Empty);
            if (!reset.Succeeded)
            {
                return Refuse(Describe(reset));
            }

            profile.MustChangePassword = true;
            return Record("Password reset to a temporary one");
        });
        if (result.Succeeded)
        {
            // She signs in again with the temporary password and must change it: no open shell keeps the old sign-in.
            RevokeSessions(userName);
        }

        return result;
    }

    public async Task<UserChangeResult> UnlockAsync(ClaimsPrincipal caller, string userName) =>
        await ChangeAsync(caller, userName, async (user, _) =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            guard.Forget(users.NormalizeName(user.UserName) ?? string.Empty);
            return Record("Unlocked");
        });

    /// <summary>The checks of the create form, before Identity's own (user name characters, password strength, uniqueness).</summary>
    public static string? Validate(NewUser input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return string.IsNullOrWhiteSpace(input.UserName) ? "Enter a user name."
            : input.UserName.Trim().Length > UserLimits.UserNameLength ? $"A user name has at most {UserLimits.UserNameLength} characters."
            : input.DisplayName.Trim().Length > UserLimits.DisplayNameLength ? $"A display name has at most {UserLimits.DisplayNameLength} characters."
            : string.IsNullOrWhiteSpace(input.Email) || input.Email.Trim().Length > UserLimits.EmailLength || !EmailFormat.IsValid(input.Email.Trim()) || !input.Email.Contains('.', StringComparison.Ordinal)
                ? $"“{input.Email}” is not an e-mail address."
            : input.Roles.Count == 0 ? "Choose at least one role."
            : null;
    }

    private static string DisplayNameOf(NewUser input) => Blank(input.DisplayName) ?? input.UserName.Trim();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    private static Outcome Record(string auditLine) => new(auditLine, null);

    private static Outcome Refuse(string error) => new(null, error);

    private void RevokeSessions(string userName)
    {
        var revokedAt = revoked.Revoke(userName);
        events.Publish(new UserAccessRevokedEvent(userName) { RevokedAt = revokedAt });
    }

    /// <summary>Loads the caller and the target, runs <paramref name="change"/> (its text is the audit line, or a refusal) and saves both in one transaction.</summary>
    private async Task<UserChangeResult> ChangeAsync(ClaimsPrincipal caller, string userName, Func<IdentityUser, UserProfileRecord, Task<Outcome>> change)
    {
        if (await AdministratorAsync(caller) is not { } actor)
        {
            return UserChangeResult.Refused(NotAnAdministrator);
        }

        return await InTransactionAsync(async () =>
        {
            if (await users.FindByNameAsync(userName ?? string.Empty) is not { UserName: { } name } user)
            {
                return UserChangeResult.Refused($"There is no user “{userName}”.");
            }

            var profile = await db.UserProfiles.SingleOrDefaultAsync(p => p.UserId == user.Id);
            if (profile is null)
            {
                profile = new UserProfileRecord { UserId = user.Id };
                db.UserProfiles.Add(profile);
            }

            var outcome = await change(user, profile);
            if (outcome.AuditLine is null)
            {
                return UserChangeResult.Refused(outcome.Error ?? "Not changed.");
            }

            audit.Add(actor, name, outcome.AuditLine);
            return UserChangeResult.Done;
        });
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed only when it succeeded (a refusal rolls back whatever it
    /// began), under the provider's execution strategy: a server database retries the whole unit after a transient fault.
    /// </summary>
    private async Task<UserChangeResult> InTransactionAsync(Func<Task<UserChangeResult>> work) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var result = await work();
            if (result.Succeeded)
            {
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            return result;
        });

    private async Task<bool> IsLastEnabledAdministratorAsync(IdentityUser user)
    {
        var administrators = await users.GetUsersInRoleAsync(ServiceProRoles.Administrator);
        var ids = administrators.Select(a => a.Id).ToList();
        var disabled = await db.UserProfiles.Where(p => ids.Contains(p.UserId) && p.Disabled).Select(p => p.UserId).ToListAsync();
        return ids.Except(disabled).All(id => id == user.Id);
    }

    /// <summary>The caller's user name if she is, in the database now, an enabled Administrator.</summary>
    private async Task<string?> AdministratorAsync(ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Identity?.IsAuthenticated != true || await users.FindByNameAsync(caller.Identity.Name ?? string.Empty) is not { UserName: { } name } user
            || !await users.IsInRoleAsync(user, ServiceProRoles.Administrator))
        {
            return null;
        }

        var disabled = await db.UserProfiles.AnyAsync(p => p.UserId == user.Id && p.Disabled);
        return disabled ? null : name;
    }

    /// <summary>A change's result: the audit line of what was done, or why nothing was.</summary>
    private readonly record struct Outcome(string? AuditLine, string? Error);
}
