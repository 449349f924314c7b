using ServicePro.Contracts.Data;

namespace ServicePro.Host.Data;

/// <summary>
/// Registers the host's identity context as the derived context that carries the configured provider's migrations.
/// Its options are built once (a singleton), not in every scope: building them looks the migrations assembly up among
/// all loaded assemblies, and every bearer request, sign-in and cookie check creates a context.
/// </summary>
public static class IdentityDbContextRegistration
{
    public static IServiceCollection AddServiceProIdentityDbContext(this IServiceCollection services, ModuleDatabase database) => database.Provider switch
    {
        DatabaseProvider.SqlServer => services.AddDbContext<ServiceProIdentityDbContext, SqlServerIdentityDbContext>(database.ConfigureHost, ServiceLifetime.Scoped, ServiceLifetime.Singleton),
        DatabaseProvider.PostgreSql => services.AddDbContext<ServiceProIdentityDbContext, PostgreSqlIdentityDbContext>(database.ConfigureHost, ServiceLifetime.Scoped, ServiceLifetime.Singleton),
        _ => services.AddDbContext<ServiceProIdentityDbContext, SqliteIdentityDbContext>(database.ConfigureHost, ServiceLifetime.Scoped, ServiceLifetime.Singleton),
    };
}
