using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Requests;
using ServicePro.Modules.Requests.Data;

namespace ServicePro.Modules.Requests.Services;

/// <summary>Request numbers and titles for other modules.</summary>
public sealed class RequestDirectory(IDbContextFactory<RequestsDbContext> contexts) : IRequestDirectory
{
    public async Task<RequestReference?> FindAsync(int number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Requests.AsNoTracking()
            .Where(r => r.Number == number)
            .Select(r => new RequestReference(r.Number, r.Title))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
