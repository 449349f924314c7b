using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServicePro.Contracts.Data;

/// <summary>Registers a module's own tables on the host's database.</summary>
public static class ModuleDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{TContext}"/> for the module's context on the host's provider, for a module
    /// with migrations for every provider (see
    /// <see cref="ModuleDbContextFactory{TContext, TSqliteContext, TSqlServerContext, TPostgreSqlContext}"/>). Use a
    /// context per operation: Blazor components, hubs and background work of one module run concurrently.
    /// </summary>
    /// <typeparam name="TContext">The module's context.</typeparam>
    /// <typeparam name="TSqliteContext">The derived context with the SQLite migrations.</typeparam>
    /// <typeparam name="TSqlServerContext">The derived context with the SQL Server migrations.</typeparam>
    /// <typeparam name="TPostgreSqlContext">The derived context with the PostgreSQL migrations.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddModuleDbContextFactory<TContext, TSqliteContext, TSqlServerContext, TPostgreSqlContext>(this IServiceCollection services)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TSqlServerContext : TContext
        where TPostgreSqlContext : TContext
    {
        services.TryAddSingleton<IDbContextFactory<TContext>, ModuleDbContextFactory<TContext, TSqliteContext, TSqlServerContext, TPostgreSqlContext>>();
        return services;
    }

    /// <summary>
    /// Registers <see cref="IDbContextFactory{TContext}"/> for a module with SQLite and SQL Server migrations only (see
    /// <see cref="ModuleDbContextFactory{TContext, TSqliteContext, TSqlServerContext}"/>). On a host configured for
    /// <see cref="DatabaseProvider.PostgreSql"/> it throws an <see cref="InvalidOperationException"/> naming
    /// <typeparamref name="TContext"/> (here when the host's <see cref="IModuleDatabase"/> is already registered, else when
    /// the factory is first resolved), so the module is marked Failed with that reason and the others go on. Prefer the
    /// overload with a PostgreSQL context.
    /// </summary>
    /// <typeparam name="TContext">The module's context.</typeparam>
    /// <typeparam name="TSqliteContext">The derived context with the SQLite migrations.</typeparam>
    /// <typeparam name="TSqlServerContext">The derived context with the SQL Server migrations.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="InvalidOperationException">The host runs on PostgreSQL, for which the module has no migrations.</exception>
    public static IServiceCollection AddModuleDbContextFactory<TContext, TSqliteContext, TSqlServerContext>(this IServiceCollection services)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TSqlServerContext : TContext
    {
        // Fail while the module registers, when the host's database is already known: the module is then marked Failed
        // with this reason before anything of it runs, and the other modules go on.
        var database = services.LastOrDefault(d => d.ServiceType == typeof(IModuleDatabase) && !d.IsKeyedService)?.ImplementationInstance as IModuleDatabase;
        if (database?.Provider == DatabaseProvider.PostgreSql)
        {
            throw ModuleDbContextFactory<TContext, TSqliteContext, TSqlServerContext>.NoPostgreSqlMigrations();
        }

        services.TryAddSingleton<IDbContextFactory<TContext>, ModuleDbContextFactory<TContext, TSqliteContext, TSqlServerContext>>();
        return services;
    }
}
