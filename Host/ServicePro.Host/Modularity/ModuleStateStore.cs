using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Data;
using ServicePro.Host.Data;

namespace ServicePro.Host.Modularity;

/// <summary>
/// Administrators' enable/disable choices, in the host's <c>ModuleStates</c> table: shared by every host of a
/// deployment and kept through a rebuild or a redeploy, unlike a file beside the binaries. <c>modules.config</c>
/// stays the catalog of installed modules and their defaults; a stored choice overrides the default.
/// </summary>
public sealed class ModuleStateStore(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Every stored choice, by module id.</summary>
    public async Task<IReadOnlyDictionary<string, bool>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceProIdentityDbContext>();
        return await ReadAsync(db, cancellationToken);
    }

    /// <summary>Stores an administrator's choice (one row per module, replaced).</summary>
    public async Task SaveAsync(string moduleId, bool enabled, string administrator, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ServiceProIdentityDbContext>();
            var row = await db.ModuleStates.FindAsync([moduleId], cancellationToken);
            if (row is null)
            {
                row = new ModuleStateRecord { ModuleId = moduleId, ChangedBy = administrator };
                db.ModuleStates.Add(row);
            }

            row.Enabled = enabled;
            row.ChangedBy = administrator;
            row.ChangedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // An administrator on another host stored the module's first row at the same moment: replace it.
            }
        }
    }

    /// <summary>
    /// The stored choices at start-up, before the container exists and possibly before the database is migrated: a
    /// database without the table (or not reachable yet) has no choices, and modules.config's defaults apply; every
    /// host's poll applies the stored choices as soon as it can read them.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, bool>> ReadAtStartupAsync(ModuleDatabase database, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            await using var db = CreateContext(database);
            return await ReadAsync(db, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("No stored module states were read at start-up ({Reason}); modules.config's defaults apply", ex.Message);
            return new Dictionary<string, bool>();
        }
    }

    /// <summary>The catalog with each stored choice in place of the file's default.</summary>
    public static ModuleCatalog Override(ModuleCatalog catalog, IReadOnlyDictionary<string, bool> stored)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog with { Entries = [.. catalog.Entries.Select(e => stored.TryGetValue(e.Id, out var enabled) ? e with { Enabled = enabled } : e)] };
    }

    private static ServiceProIdentityDbContext CreateContext(ModuleDatabase database) => database.Provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerIdentityDbContext(Configured<SqlServerIdentityDbContext>(database)),
        DatabaseProvider.PostgreSql => new PostgreSqlIdentityDbContext(Configured<PostgreSqlIdentityDbContext>(database)),
        _ => new SqliteIdentityDbContext(Configured<SqliteIdentityDbContext>(database)),
    };

    private static DbContextOptions<TContext> Configured<TContext>(ModuleDatabase database)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        database.ConfigureHost(options);
        return options.Options;
    }

    private static async Task<IReadOnlyDictionary<string, bool>> ReadAsync(ServiceProIdentityDbContext db, CancellationToken cancellationToken) =>
        await db.ModuleStates.AsNoTracking().ToDictionaryAsync(m => m.ModuleId, m => m.Enabled, StringComparer.Ordinal, cancellationToken);
}
