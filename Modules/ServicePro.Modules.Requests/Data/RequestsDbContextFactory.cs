using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Data;

namespace ServicePro.Modules.Requests.Data;

/// <summary>
/// Creates the context for the host's provider, one per operation: Blazor Server components and the event handler
/// run concurrently in one scope, which a single scoped context cannot serve, and a retry needs a fresh context.
/// </summary>
public sealed class RequestsDbContextFactory(IModuleDatabase database) : IDbContextFactory<RequestsDbContext>
{
    private static readonly string MigrationsAssembly = typeof(RequestsDbContext).Assembly.GetName().Name!;
    private readonly Lazy<DbContextOptions> _options = new(() => Build(database));

    public RequestsDbContext CreateDbContext() => database.Provider == DatabaseProvider.SqlServer
        ? new SqlServerRequestsDbContext((DbContextOptions<SqlServerRequestsDbContext>)_options.Value)
        : new SqliteRequestsDbContext((DbContextOptions<SqliteRequestsDbContext>)_options.Value);

    private static DbContextOptions Build(IModuleDatabase database)
    {
        DbContextOptionsBuilder builder = database.Provider == DatabaseProvider.SqlServer
            ? new DbContextOptionsBuilder<SqlServerRequestsDbContext>()
            : new DbContextOptionsBuilder<SqliteRequestsDbContext>();
        database.Configure(builder, MigrationsAssembly);
        return builder.Options;
    }
}
