using Microsoft.EntityFrameworkCore;

namespace ServicePro.Contracts.Data;

/// <summary>
/// Creates a module's context for the host's configured provider, one per operation: the derived context that carries
/// that provider's migrations (<typeparamref name="TSqliteContext"/>, <typeparamref name="TSqlServerContext"/> or
/// <typeparamref name="TPostgreSqlContext"/>). Register it with
/// <see cref="ModuleDatabaseServiceCollectionExtensions.AddModuleDbContextFactory{TContext, TSqliteContext, TSqlServerContext, TPostgreSqlContext}"/>.
/// </summary>
/// <typeparam name="TContext">The module's context, which the module's code uses.</typeparam>
/// <typeparam name="TSqliteContext">The context with the SQLite migrations; its constructor takes <c>DbContextOptions&lt;TSqliteContext&gt;</c>.</typeparam>
/// <typeparam name="TSqlServerContext">The context with the SQL Server migrations; its constructor takes <c>DbContextOptions&lt;TSqlServerContext&gt;</c>.</typeparam>
/// <typeparam name="TPostgreSqlContext">The context with the PostgreSQL migrations; its constructor takes <c>DbContextOptions&lt;TPostgreSqlContext&gt;</c>.</typeparam>
public sealed class ModuleDbContextFactory<TContext, TSqliteContext, TSqlServerContext, TPostgreSqlContext> : IDbContextFactory<TContext>
    where TContext : DbContext
    where TSqliteContext : TContext
    where TSqlServerContext : TContext
    where TPostgreSqlContext : TContext
{
    private readonly Type _contextType;
    private readonly DbContextOptions _options;

    /// <summary>Builds the options once, for the host's provider, with the module's assembly holding the migrations.</summary>
    /// <param name="database">The host's database.</param>
    public ModuleDbContextFactory(IModuleDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        DbContextOptionsBuilder builder;
        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                _contextType = typeof(TSqlServerContext);
                builder = new DbContextOptionsBuilder<TSqlServerContext>();
                break;
            case DatabaseProvider.PostgreSql:
                _contextType = typeof(TPostgreSqlContext);
                builder = new DbContextOptionsBuilder<TPostgreSqlContext>();
                break;
            default:
                _contextType = typeof(TSqliteContext);
                builder = new DbContextOptionsBuilder<TSqliteContext>();
                break;
        }

        database.Configure(builder, _contextType.Assembly.GetName().Name!);
        _options = builder.Options;
    }

    /// <summary>A new context; dispose it when the operation is done.</summary>
    /// <returns>The context.</returns>
    public TContext CreateDbContext() => (TContext)Activator.CreateInstance(_contextType, _options)!;
}
