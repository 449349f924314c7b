using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicePro.Host.Data;
using ServicePro.Host.Identity;
using ServicePro.Host.Security;

namespace ServicePro.Host.Tests.Support;

/// <summary>Identity as the host sets it up (the confirmation hook, the bearer check), on a <see cref="HostDatabase"/>.</summary>
public static class HostIdentity
{
    /// <summary>Identity, the host's rules and the demo accounts' seeder; the caller registers the Identity DbContext.</summary>
    public static IServiceCollection AddHostIdentity(this IServiceCollection services)
    {
        services.AddLogging().AddHttpContextAccessor().AddDataProtection();
        services.AddIdentity<IdentityUser, IdentityRole>().AddEntityFrameworkStores<ServiceProIdentityDbContext>().AddDefaultTokenProviders();
        services.Configure<IdentityOptions>(o => o.SignIn.RequireConfirmedAccount = true);
        services.Replace(ServiceDescriptor.Scoped<IUserConfirmation<IdentityUser>, UserAccessConfirmation>());
        services.AddSingleton(new DatabaseOptions()).AddScoped<DemoDataSeeder>();
        services.TryAddSingleton(TimeProvider.System);
        return services.AddSingleton<BearerUserCheck>();
    }

    /// <summary>The same, with the Identity DbContext on <paramref name="database"/>; the demo accounts are seeded.</summary>
    public static async Task<ServiceProvider> StartAsync(HostDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var provider = new ServiceCollection()
            .AddDbContext<ServiceProIdentityDbContext, SqliteIdentityDbContext>(o => o.UseSqlite(database.ConnectionString))
            .AddHostIdentity()
            .BuildServiceProvider(validateScopes: true);
        await SeedAsync(provider, cancellationToken);
        return provider;
    }

    public static async Task SeedAsync(IServiceProvider provider, CancellationToken cancellationToken)
    {
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
    }

    /// <summary>A bearer token's principal for <paramref name="userName"/>, as <c>/account/token</c> issues it.</summary>
    public static async Task<System.Security.Claims.ClaimsPrincipal> TokenOfAsync(IServiceProvider provider, string userName)
    {
        await using var scope = provider.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>();
        return await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByNameAsync(userName))!);
    }
}
