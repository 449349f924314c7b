namespace ServicePro.Host.Security;

/// <summary>The shell's browser-facing safety: headers, cookies, HSTS and the origin check on hubs and the circuit.</summary>
public static class SecurityExtensions
{
    public static void AddServiceProSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>()
            .Bind(builder.Configuration.GetSection(SecurityOptions.Section))
            .Validate(
                o => o.AllowedOrigins.All(origin => CookieOriginCheck.Normalize(origin) is not null),
                "Security:AllowedOrigins: every entry must be an origin such as https://desk.example.com (scheme, host and port only).")
            .ValidateOnStart();

        // Cookies set over HTTPS are Secure, so that a plain-HTTP request to the same host never carries them.
        builder.Services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>First in the pipeline, so that every response, error pages included, carries the headers.</summary>
    public static void UseServiceProSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS responses only, and never for localhost (HstsOptions' default exclusions).
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<CookieOriginCheck>();
    }
}
