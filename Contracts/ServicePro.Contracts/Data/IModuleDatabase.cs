using Microsoft.EntityFrameworkCore;

namespace ServicePro.Contracts.Data;

/// <summary>
/// The database the host is configured for, handed to modules so that each can keep its own tables in its own
/// <see cref="DbContext"/> on the same provider.
/// </summary>
public interface IModuleDatabase
{
    /// <summary>The configured provider.</summary>
    DatabaseProvider Provider { get; }

    /// <summary>
    /// True when modules should apply their migrations during initialization: the default for SQLite, and what
    /// <c>Database:MigrateAtStartup</c> says for the server databases (which default to migrations applied as scripts).
    /// </summary>
    bool MigrateAtStartup { get; }

    /// <summary>
    /// Points <paramref name="options"/> at the configured database. Keep one set of migrations per provider,
    /// typically one derived context per provider (SQLite, SQL Server, PostgreSQL), and name its assembly in <paramref name="migrationsAssembly"/>.
    /// Each migrations assembly keeps its history in a table of its own (<c>__EFMigrationsHistory_{assembly}</c>), so
    /// modules never see each other's migrations. No retrying execution strategy is configured: a module may begin its
    /// own transactions, and it owns its retries. Most modules call
    /// <see cref="ModuleDatabaseServiceCollectionExtensions.AddModuleDbContextFactory{TContext, TSqliteContext, TSqlServerContext, TPostgreSqlContext}"/>
    /// instead.
    /// </summary>
    /// <param name="options">The options of the module's context.</param>
    /// <param name="migrationsAssembly">The assembly that holds the context's migrations; usually the module's.</param>
    void Configure(DbContextOptionsBuilder options, string migrationsAssembly);
}
