using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Data;

namespace ServicePro.Host.Identity;

/// <summary>The audit trail of account changes: lines are added to the caller's unit of work and saved with the change.</summary>
public sealed class UserAudit(ServiceProIdentityDbContext db, TimeProvider clock)
{
    public void Add(string actor, string target, string action) =>
        db.UserAudit.Add(new UserAuditRecord
        {
            At = clock.GetUtcNow(),
            Actor = actor,
            Target = target,
            Action = action.Length > UserLimits.AuditActionLength ? action[..UserLimits.AuditActionLength] : action,
        });

    /// <summary>The latest <paramref name="count"/> lines, newest first.</summary>
    public async Task<IReadOnlyList<UserAuditRecord>> LatestAsync(int count, CancellationToken cancellationToken) =>
        await db.UserAudit.AsNoTracking().OrderByDescending(a => a.Id).Take(count).ToListAsync(cancellationToken);
}
