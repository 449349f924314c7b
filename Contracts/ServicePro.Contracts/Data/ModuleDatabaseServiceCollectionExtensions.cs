using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServicePro.Contracts.Data;

/// <summary>Registers a module's own tables on the host's database.</summary>
public static class ModuleDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{TContext}"/> for the module's context on the host's provider (see
    /// <see cref="ModuleDbContextFactory{TContext, TSqliteContext, TSqlServerContext}"/>). Use a context per operation:
    /// Blazor components, hubs and background work of one module run concurrently.
    /// </summary>
    /// <typeparam name="TContext">The module's context.</typeparam>
    /// <typeparam name="TSqliteContext">The derived context with the SQLite migrations.</typeparam>
    /// <typeparam name="TSqlServerContext">The derived context with the SQL Server migrations.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddModuleDbContextFactory<TContext, TSqliteContext, TSqlServerContext>(this IServiceCollection services)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TSqlServerContext : TContext
    {
        services.TryAddSingleton<IDbContextFactory<TContext>, ModuleDbContextFactory<TContext, TSqliteContext, TSqlServerContext>>();
        return services;
    }
}
