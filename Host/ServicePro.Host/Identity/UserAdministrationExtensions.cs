using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicePro.Contracts.Extensibility;
using ServicePro.Host.ViewModels;

namespace ServicePro.Host.Identity;

/// <summary>Admin → Users, the own-password page, and what makes a disabled user's sign-ins end (the <c>Users</c> settings).</summary>
public static class UserAdministrationExtensions
{
    public const string Section = "Users";

    public static void AddServiceProUserAdministration(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Identity's "confirmed account" hook is where a disabled user, or one with a temporary password, is refused.
        services.Configure<IdentityOptions>(o => o.SignIn.RequireConfirmedAccount = true);
        services.Replace(ServiceDescriptor.Scoped<IUserConfirmation<IdentityUser>, UserAccessConfirmation>());
        services.AddScoped<UserAccessConfirmation>();

        // Cookies: refused at once after a revocation on any host; Identity's stamp check after a restart, every interval.
        services.AddSingleton<RevokedSessions>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Events.OnSigningIn = RevokedSessions.SigningInAsync;
            o.Events.OnValidatePrincipal = RevokedSessions.ValidatePrincipalAsync;
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = builder.Configuration.GetValue($"{Section}:CookieCheckInterval", TimeSpan.FromMinutes(1)));

        services.AddSingleton<UserDisplayNames>();
        services.AddSingleton<ServicePro.Contracts.Users.IUserDisplayNames>(sp => sp.GetRequiredService<UserDisplayNames>());
        services.AddHttpContextAccessor();
        services.AddScoped<UserAudit>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<UserQueries>();
        services.AddScoped<OwnPassword>();
        services.AddScoped<UserImport>();
        services.AddTransient<UsersViewModel>();
        services.AddTransient<UsersImportViewModel>();
        services.AddMenuContributor<UsersMenuContributor>();
    }
}
