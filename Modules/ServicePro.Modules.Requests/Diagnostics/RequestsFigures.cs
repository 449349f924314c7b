using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Diagnostics;
using ServicePro.Modules.Requests.Data;
using ServicePro.Modules.Requests.Services;

namespace ServicePro.Modules.Requests.Diagnostics;

/// <summary>The Requests module's live figures on Admin → Modules: open requests, and requests and chats recorded today (UTC).</summary>
public sealed class RequestsFigures(IDbContextFactory<RequestsDbContext> contexts, TimeProvider time) : IModuleFigures
{
    public string ModuleId => RequestsConstants.ModuleId;

    public async Task<IReadOnlyList<ModuleFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var today = time.GetUtcNow().UtcDateTime.Date;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Requests.CountAsync(r => r.Status == RequestStatus.New || r.Status == RequestStatus.InProgress, cancellationToken);
        var created = await db.Requests.CountAsync(r => r.CreatedAt >= today, cancellationToken);
        var chats = await db.Activity.CountAsync(a => a.Kind == RequestsConstants.ActivityKinds.Chat && a.At >= today, cancellationToken);
        return
        [
            new ModuleFigure("open-requests", "Open requests", open),
            new ModuleFigure("created-today", "Created today", created),
            new ModuleFigure("chats-today", "Chats recorded today", chats),
        ];
    }
}
