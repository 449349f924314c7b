using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServicePro.Contracts.Cluster;
using ServicePro.Host.Data;
using StackExchange.Redis;

namespace ServicePro.Host.Cluster;

/// <summary>
/// Several hosts behind a load balancer. With <c>Redis:Configuration</c> set, one shared Redis connection carries the
/// SignalR backplane, the <see cref="IClusterBus"/> of the modules and the data-protection keys; without it the host
/// runs alone exactly as before (a bus that reaches nobody). Readiness checks the database, and Redis when used.
/// </summary>
public static class ClusterExtensions
{
    /// <summary>The application name that hosts in different folders share, so one host's cookies and tokens open on another.</summary>
    public const string ApplicationName = "ServicePro";

    public const string ReadyTag = "ready";

    public static void AddServiceProCluster(this WebApplicationBuilder builder, ILoggerFactory startupLogging)
    {
        var settings = builder.Configuration.GetSection(RedisSettings.Section).Get<RedisSettings>() ?? new RedisSettings();
        var hostId = $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        var services = builder.Services;
        services.AddSingleton(settings);
        var health = services.AddHealthChecks().AddDbContextCheck<ServiceProIdentityDbContext>("database", tags: [ReadyTag]);
        var log = startupLogging.CreateLogger("ServicePro.Cluster");
        if (!settings.Enabled)
        {
            services.AddSingleton<IClusterBus>(new SingleHostBus(hostId));
            log.LogInformation("This host is {HostId}, running alone (no Redis:Configuration)", hostId);
            return;
        }

        var redisOptions = ConfigurationOptions.Parse(settings.Configuration!);
        // Start even while Redis is down (readiness says so) and keep reconnecting, rather than fail start-up.
        redisOptions.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        services.AddSingleton<IClusterBus>(sp => ActivatorUtilities.CreateInstance<RedisClusterBus>(sp, hostId));

        // Hub clients on any host get what any host sends them (groups, users, all) through Redis.
        services.AddSignalR().AddStackExchangeRedis(o => o.Configuration.ChannelPrefix = RedisChannel.Literal(settings.ChannelPrefix));
        services.AddOptions<RedisOptions>().Configure<IConnectionMultiplexer>((o, redis) => o.ConnectionFactory = _ => Task.FromResult(redis));

        // Cookies and bearer tokens of one host are read by every other: one key ring in Redis, one application name.
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, redis) =>
            o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), $"{settings.ChannelPrefix}:DataProtection-Keys"));

        health.AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), "redis", tags: [ReadyTag]);
        log.LogInformation("This host is {HostId}, one of several sharing Redis at {Redis} (prefix {Prefix})", hostId, redisOptions.ToString(includePassword: false), settings.ChannelPrefix);
    }

    /// <summary>
    /// <c>/health</c>: liveness (the process answers; no check runs). <c>/health/ready</c>: readiness for the load
    /// balancer, 503 naming each check that failed.
    /// </summary>
    public static void MapServiceProHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        }).AllowAnonymous();
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), error = e.Value.Exception?.Message ?? e.Value.Description }),
        });
    }
}
