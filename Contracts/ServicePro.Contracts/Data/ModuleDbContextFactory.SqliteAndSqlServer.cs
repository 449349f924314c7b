using Microsoft.EntityFrameworkCore;

namespace ServicePro.Contracts.Data;

/// <summary>
/// Creates a module's context for a module with SQLite and SQL Server migrations only, one per operation: the derived
/// context that carries the host provider's migrations. On <see cref="DatabaseProvider.PostgreSql"/> it cannot be
/// created (<see cref="InvalidOperationException"/> naming <typeparamref name="TContext"/>): give the module a PostgreSQL
/// context and register it with
/// <see cref="ModuleDatabaseServiceCollectionExtensions.AddModuleDbContextFactory{TContext, TSqliteContext, TSqlServerContext, TPostgreSqlContext}"/>.
/// </summary>
/// <typeparam name="TContext">The module's context, which the module's code uses.</typeparam>
/// <typeparam name="TSqliteContext">The context with the SQLite migrations; its constructor takes <c>DbContextOptions&lt;TSqliteContext&gt;</c>.</typeparam>
/// <typeparam name="TSqlServerContext">The context with the SQL Server migrations; its constructor takes <c>DbContextOptions&lt;TSqlServerContext&gt;</c>.</typeparam>
public sealed class ModuleDbContextFactory<TContext, TSqliteContext, TSqlServerContext> : IDbContextFactory<TContext>
    where TContext : DbContext
    where TSqliteContext : TContext
    where TSqlServerContext : TContext
{
    // The same factory, with the SQLite context standing in for the PostgreSQL one that is never asked for.
    private readonly ModuleDbContextFactory<TContext, TSqliteContext, TSqlServerContext, TSqliteContext> _factory;

    /// <summary>Builds the options once, for the host's provider, with the module's assembly holding the migrations.</summary>
    /// <param name="database">The host's database.</param>
    /// <exception cref="InvalidOperationException">The host runs on PostgreSQL, for which the module has no migrations.</exception>
    public ModuleDbContextFactory(IModuleDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _factory = database.Provider == DatabaseProvider.PostgreSql
            ? throw NoPostgreSqlMigrations()
            : new ModuleDbContextFactory<TContext, TSqliteContext, TSqlServerContext, TSqliteContext>(database);
    }

    /// <summary>A new context; dispose it when the operation is done.</summary>
    /// <returns>The context.</returns>
    public TContext CreateDbContext() => _factory.CreateDbContext();

    /// <summary>The error for a host on PostgreSQL: it names the module's context.</summary>
    internal static InvalidOperationException NoPostgreSqlMigrations() => new(
        $"{typeof(TContext).FullName} has no PostgreSQL migrations (it was registered with SQLite and SQL Server contexts only); " +
        "the module cannot run on Database:Provider=PostgreSql until it registers a PostgreSQL context with AddModuleDbContextFactory<TContext, TSqliteContext, TSqlServerContext, TPostgreSqlContext>.");
}
