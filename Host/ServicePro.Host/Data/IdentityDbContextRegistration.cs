using ServicePro.Contracts.Data;

namespace ServicePro.Host.Data;

/// <summary>Registers the host's identity context as the derived context that carries the configured provider's migrations.</summary>
public static class IdentityDbContextRegistration
{
    public static IServiceCollection AddServiceProIdentityDbContext(this IServiceCollection services, ModuleDatabase database) => database.Provider switch
    {
        DatabaseProvider.SqlServer => services.AddDbContext<ServiceProIdentityDbContext, SqlServerIdentityDbContext>(database.ConfigureHost),
        DatabaseProvider.PostgreSql => services.AddDbContext<ServiceProIdentityDbContext, PostgreSqlIdentityDbContext>(database.ConfigureHost),
        _ => services.AddDbContext<ServiceProIdentityDbContext, SqliteIdentityDbContext>(database.ConfigureHost),
    };
}
