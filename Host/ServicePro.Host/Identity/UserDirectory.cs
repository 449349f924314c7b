using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Users;
using ServicePro.Host.Data;

namespace ServicePro.Host.Identity;

/// <summary>The users of the sign-in store, with their roles, for modules.</summary>
public sealed class UserDirectory(ServiceProIdentityDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var users = await (from u in db.Users.AsNoTracking()
                           join p in db.UserProfiles.AsNoTracking() on u.Id equals p.UserId into profiles
                           from p in profiles.DefaultIfEmpty()
                           select new { u.Id, u.UserName, DisplayName = p == null ? null : p.DisplayName }).ToListAsync(cancellationToken);
        var roles = await RolesByUserAsync(null, cancellationToken);
        return users
            .Where(u => u.UserName is not null)
            .OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase)
            .Select(u => new UserSummary(u.UserName!, roles.TryGetValue(u.Id, out var r) ? r : []) { DisplayName = u.DisplayName ?? u.UserName! })
            .ToList();
    }

    public async Task<UserSummary?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await (from u in db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
                          join p in db.UserProfiles.AsNoTracking() on u.Id equals p.UserId into profiles
                          from p in profiles.DefaultIfEmpty()
                          select new { u.Id, u.UserName, DisplayName = p == null ? null : p.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (user?.UserName is null)
        {
            return null;
        }

        var roles = await RolesByUserAsync(user.Id, cancellationToken);
        return new UserSummary(user.UserName, roles.TryGetValue(user.Id, out var r) ? r : []) { DisplayName = user.DisplayName ?? user.UserName };
    }

    private async Task<Dictionary<string, List<string>>> RolesByUserAsync(string? userId, CancellationToken cancellationToken)
    {
        var query = from userRole in db.UserRoles
                    join role in db.Roles on userRole.RoleId equals role.Id
                    select new { userRole.UserId, role.Name };
        if (userId is not null)
        {
            query = query.Where(r => r.UserId == userId);
        }

        var rows = await query.AsNoTracking().ToListAsync(cancellationToken);
        return rows.Where(r => r.Name is not null)
            .GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order(StringComparer.Ordinal).ToList());
    }
}
