using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ServicePro.Host.Security;

/// <summary>Sign-in under guessing and load, and tokens that end with the user's right to sign in (the <c>SignIn</c> settings).</summary>
public static class SignInProtectionExtensions
{
    public static IdentityBuilder AddServiceProSignInProtection(this IdentityBuilder identity, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var services = identity.Services;
        services.AddOptions<SignInLimitsOptions>()
            .Bind(configuration.GetSection(SignInLimitsOptions.Section))
            .Validate(
                o => o.PermitsPerClient > 0 && o.FailuresPerAccount > 0 && o.ConcurrentPasswordChecks > 0 && o.PasswordCheckQueue >= 0
                    && o.ClientWindow > TimeSpan.Zero && o.AccountWindow > TimeSpan.Zero && o.AccessTokenLifetime > TimeSpan.Zero && o.RefreshTokenLifetime > TimeSpan.Zero,
                "SignIn: limits must be positive and windows and lifetimes longer than zero.")
            .ValidateOnStart();
        services.AddSingleton<SignInGuard>().AddSingleton<BearerUserCheck>();
        identity.AddSignInManager<ServiceProSignInManager>();
        services.AddRateLimiter(o => o.AddPolicy<string, SignInClientRateLimiterPolicy>(SignInClientRateLimiterPolicy.Name));
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IOptions<SignInLimitsOptions>>((bearer, limits) =>
        {
            bearer.BearerTokenExpiration = limits.Value.AccessTokenLifetime;
            bearer.RefreshTokenExpiration = limits.Value.RefreshTokenLifetime;
        });
        services.Replace(ServiceDescriptor.Scoped<IAuthenticationService, BearerRevalidatingAuthenticationService>());
        return identity;
    }
}
