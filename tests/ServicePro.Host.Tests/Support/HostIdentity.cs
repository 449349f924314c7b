using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Data;
using ServicePro.Host.Identity;

namespace ServicePro.Host.Tests.Support;

/// <summary>Identity as the host sets it up (the confirmation hook, the bearer check), on a <see cref="HostDatabase"/>.</summary>
public static class HostIdentity
{
    /// <summary>
    /// Identity as the host registers it (<c>AddServiceProIdentity</c>, <c>AddServiceProUserAdministration</c>: its options,
    /// the confirmation hook, the bearer check) and the demo accounts' seeder; the caller registers the Identity DbContext.
    /// </summary>
    public static IServiceCollection AddHostIdentity(this IServiceCollection services)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddServiceProIdentity();
        builder.AddServiceProUserAdministration();
        foreach (var service in builder.Services)
        {
            services.Add(service);
        }

        return services.AddSingleton(new DatabaseOptions()).AddScoped<DemoDataSeeder>();
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
