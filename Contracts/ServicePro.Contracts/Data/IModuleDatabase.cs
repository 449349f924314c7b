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

    /// <summary>True when modules should apply their migrations during initialization (the embedded default).</summary>
    bool MigrateAtStartup { get; }

    /// <summary>
    /// Points <paramref name="options"/> at the configured database. Keep one set of migrations per provider,
    /// typically one derived context per provider, and name its assembly in <paramref name="migrationsAssembly"/>.
    /// </summary>
    /// <param name="options">The options of the module's context.</param>
    /// <param name="migrationsAssembly">The assembly that holds the context's migrations; usually the module's.</param>
    void Configure(DbContextOptionsBuilder options, string migrationsAssembly);
}
