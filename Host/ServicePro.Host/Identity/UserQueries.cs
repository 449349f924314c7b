using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Data;
using ServicePro.Host.Security;

namespace ServicePro.Host.Identity;

/// <summary>The users as the Users page lists them, with their roles and switches.</summary>
public sealed class UserQueries(ServiceProIdentityDbContext db, SignInGuard guard, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await (from user in db.Users.AsNoTracking()
                          join profile in db.UserProfiles.AsNoTracking() on user.Id equals profile.UserId into profiles
                          from profile in profiles.DefaultIfEmpty()
                          select new { user.Id, user.UserName, user.NormalizedUserName, user.Email, user.LockoutEnd, Profile = profile })
            .ToListAsync(cancellationToken);
        var roles = await (from userRole in db.UserRoles.AsNoTracking()
                           join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var rolesOf = roles.Where(r => r.Name is not null).ToLookup(r => r.UserId, r => r.Name!);
        return [.. rows
            .Where(r => r.UserName is not null)
            .Select(r => new UserRow(
                r.UserName!,
                string.IsNullOrWhiteSpace(r.Profile?.DisplayName) ? r.UserName! : r.Profile.DisplayName,
                r.Email,
                [.. UserRoles.All.Where(role => rolesOf[r.Id].Contains(role))],
                Enabled: r.Profile?.Disabled != true,
                Locked: r.LockoutEnd > now || guard.IsThrottled(r.NormalizedUserName ?? string.Empty),
                MustChangePassword: r.Profile?.MustChangePassword == true))
            .OrderBy(r => r.UserName, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Rows whose user name, display name or e-mail contains <paramref name="search"/> (any case).</summary>
    public static IEnumerable<UserRow> Filter(IEnumerable<UserRow> rows, string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? rows
            : rows.Where(r => r.UserName.Contains(search.Trim(), StringComparison.CurrentCultureIgnoreCase)
                || r.DisplayName.Contains(search.Trim(), StringComparison.CurrentCultureIgnoreCase)
                || (r.Email?.Contains(search.Trim(), StringComparison.CurrentCultureIgnoreCase) ?? false));
}
