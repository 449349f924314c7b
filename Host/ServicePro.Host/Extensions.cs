using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.FluentUI.AspNetCore.Components;
using ServicePro.Contracts.Cluster;
using ServicePro.Contracts.Data;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;
using ServicePro.Contracts.Users;
using ServicePro.Host.Apis;
using ServicePro.Host.Cluster;
using ServicePro.Host.Components;
using ServicePro.Host.Data;
using ServicePro.Host.Diagnostics;
using ServicePro.Host.Events;
using ServicePro.Host.Identity;
using ServicePro.Host.Modularity;
using ServicePro.Host.Security;
using ServicePro.Host.Shell;
using ServicePro.Host.ViewModels;

namespace ServicePro.Host;

/// <summary>The host's composition: each <c>Add…</c> registers one part, <see cref="UseServiceProAsync"/> starts them.</summary>
public static class Extensions
{
    public static void AddServiceProData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var database = new ModuleDatabase(options, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IModuleDatabase>(database);
        builder.Services.AddServiceProIdentityDbContext(database);

        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IHostLeases, LeasesInDatabase>();
    }

    public static void AddServiceProIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            // Wrong passwords never lock an account (see Security/ServiceProSignInManager); an administrator's lockout holds.
            .AddIdentity<IdentityUser, IdentityRole>(o => o.User.RequireUniqueEmail = false)
            .AddEntityFrameworkStores<ServiceProIdentityDbContext>()
            .AddDefaultTokenProviders()
            .AddServiceProSignInProtection(builder.Configuration);
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "ServicePro.Auth";
            o.SlidingExpiration = true;
        });

        // Non-browser clients (load tools, other clients of the module hubs) sign in at POST /account/token and send
        // the token as a bearer header; WebSockets cannot send headers, so under /hubs it may come as access_token.
        builder.Services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, o =>
        {
            o.Events.OnMessageReceived = context =>
            {
                if (context.Request.Path.StartsWithSegments(AccountApi.HubsPath)
                    && context.Request.Query.TryGetValue("access_token", out var token)
                    && !string.IsNullOrEmpty(token))
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            };
        });

        // Every page and endpoint needs a signed-in user unless it says otherwise.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<IUserDirectory, UserDirectory>();
        // Browser notifications, sound and the tab title's unread count, for any module (one per circuit).
        builder.Services.AddScoped<ServicePro.Host.Shell.ShellAttention>();
        builder.Services.AddScoped<ServicePro.Contracts.Shell.IShellAttention>(sp => sp.GetRequiredService<ServicePro.Host.Shell.ShellAttention>());
        builder.AddServiceProUserAdministration();
    }

    public static void AddServiceProShell(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = CircuitLimits.MaximumReceiveMessageSize);
        builder.Services.AddFluentUIComponents();
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<ClusterEventRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterEventRelay>());
        builder.Services.AddSingleton<IEventAggregator, EventAggregator>();
        builder.Services.AddSingleton<IIntegrationEventBus, IntegrationEventBus>();
        builder.Services.AddScoped<ShellContributions>();
        builder.Services.AddScoped<IShellContributions>(sp => sp.GetRequiredService<ShellContributions>());
        builder.Services.AddSingleton<ModuleStateStore>();
        builder.Services.AddSingleton<ModuleAdministration>();
        builder.Services.AddSingleton<IModuleAdministration>(sp => sp.GetRequiredService<ModuleAdministration>());
        builder.Services.AddHostedService<ModuleStatePoller>();
        builder.Services.AddTransient<ModulesViewModel>();
        builder.Services.AddMenuContributor<HostMenuContributor>();
        builder.AddServiceProSecurity();
    }

    /// <summary>
    /// Reads <c>modules.config</c>, loads every enabled module and runs phase one (services). A malformed file throws
    /// <see cref="ModuleCatalogException"/>; a module that cannot load is marked Failed and the rest go on.
    /// </summary>
    public static async Task<ModuleRuntime> AddServiceProModulesAsync(this WebApplicationBuilder builder, ILoggerFactory startupLogging)
    {
        var section = builder.Configuration.GetSection("Modules");
        var configPath = Path.GetFullPath(section["ConfigPath"] ?? "modules.config", AppContext.BaseDirectory);
        var modulesPath = Path.GetFullPath(section["Path"] ?? "modules", AppContext.BaseDirectory);

        // modules.config is the catalog and its defaults; administrators' choices in the database override them.
        var database = new ModuleDatabase(builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions(), builder.Environment.ContentRootPath);
        var catalog = ModuleStateStore.Override(
            await ModuleCatalogReader.ReadAsync(configPath),
            await ModuleStateStore.ReadAtStartupAsync(database, startupLogging.CreateLogger<ModuleStateStore>(), CancellationToken.None));
        var runtime = new ModuleRuntime(catalog, startupLogging.CreateLogger<ModuleRuntime>());
        runtime.LoadAndConfigure(new PluginModuleLoader(modulesPath), builder.Services, builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(runtime);
        builder.Services.AddSingleton<IModuleStatus>(runtime);
        return runtime;
    }

    public static async Task UseServiceProAsync(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<ModuleDatabase>();
            var identity = scope.ServiceProvider.GetRequiredService<ServiceProIdentityDbContext>();
            await database.PrepareAsync(identity, stopping);
            if (database.MigrateAtStartup)
            {
                await identity.Database.MigrateAsync(stopping);
            }

            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(stopping);
            await scope.ServiceProvider.GetRequiredService<UserDisplayNames>().RefreshAsync(stopping);
        }

        _ = app.Services.GetRequiredService<RevokedSessions>(); // listens for revocations from other hosts from the start
        var runtime = app.Services.GetRequiredService<ModuleRuntime>();
        app.UseServiceProSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseRouting();
        app.UseRateLimiter();
        app.UseModuleEndpointGate(runtime);
        app.UseModuleContent(runtime);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapServiceProHealthChecks();
        app.MapServiceProMetrics();
        app.MapAccountApi();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null) // the shell's own CSP says frame-ancestors
            .AddAdditionalAssemblies([.. runtime.ModuleAssemblies]);

        await runtime.InitializeAsync(app.Services, app, stopping);
        runtime.MarkInitialized();
    }

    /// <summary>Endpoints and pages of a module that is not enabled answer 404.</summary>
    private static void UseModuleEndpointGate(this WebApplication app, ModuleRuntime runtime) =>
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            var owner = endpoint?.Metadata.GetMetadata<ModuleEndpointMetadata>()?.ModuleId
                ?? runtime.OwnerOf(endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>()?.Type);
            if (owner is not null && !runtime.IsEnabled(owner))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });

    /// <summary>Serves each module's <c>wwwroot</c> at <c>/_modules/{id}/</c> while the module is enabled.</summary>
    private static void UseModuleContent(this WebApplication app, ModuleRuntime runtime)
    {
        foreach (var (id, directory) in runtime.LoadedModules)
        {
            var root = directory is null ? null : Path.Combine(directory, "wwwroot");
            if (root is null || !Directory.Exists(root))
            {
                continue;
            }

            var prefix = new PathString($"/{ModuleContent.PathPrefix}/{id}");
            app.UseWhen(
                context => context.Request.Path.StartsWithSegments(prefix) && runtime.IsEnabled(id),
                branch => branch.UseStaticFiles(new StaticFileOptions { RequestPath = prefix, FileProvider = new PhysicalFileProvider(root) }));
        }
    }
}
