using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ServicePro.Contracts.Diagnostics;

namespace ServicePro.Host.Diagnostics;

/// <summary>
/// OpenTelemetry for the whole host, in one place (as eShop's service defaults): every meter and activity source whose
/// name starts <c>ServicePro.</c> (so modules need no host change), ASP.NET Core, SignalR, EF Core, HttpClient and the
/// runtime. Metrics at <c>/metrics</c> when <c>Telemetry:Prometheus:Enabled</c>; metrics, traces and logs to a collector
/// when <c>Telemetry:Otlp:Endpoint</c> is set.
/// </summary>
public static class TelemetryExtensions
{
    // ASP.NET Core's own meters (requests, Kestrel connections, SignalR connections, Blazor circuits).
    private static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.RateLimiting",
    ];

    public static void AddServiceProTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Logging.AddServiceProLogPrivacy();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<HostMetrics>();
        builder.Services.AddScoped<CircuitHandler, ShellCircuitMetrics>();
        builder.Services.AddSingleton<ModuleFiguresReader>();

        var otlp = string.IsNullOrWhiteSpace(options.Otlp.Endpoint) ? null : new Uri(options.Otlp.Endpoint);
        if (!options.Prometheus.Enabled && otlp is null)
        {
            // Nothing reads the figures: the instruments stay, and cost next to nothing without a listener.
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("servicepro", serviceNamespace: "ServicePro"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ServiceProTelemetry.Prefix + "*").AddMeter(FrameworkMeters)
                    .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
                if (options.Prometheus.Enabled)
                {
                    // No response cache: what a scrape returns is what was recorded before it (scrapers come every 15 s or so).
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            });

        if (otlp is not null)
        {
            // Traces and logs only go to a collector: without one they would be made for nobody.
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(ServiceProTelemetry.Prefix + "*")
                    .AddSource("Microsoft.AspNetCore.SignalR.Server")
                    // Blazor's circuit and event spans: a rep's click in the shell is the caller of the chat writer's spans.
                    .AddSource("Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits")
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsScrape(context.Request.Path))
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddHttpClientInstrumentation())
                .WithLogging(configureBuilder: null, configureOptions: o =>
                {
                    // Scopes carry the module id, session id and request number; the message template's values are
                    // what the code chose to log (never a message's text, a password or a token).
                    o.IncludeScopes = true;
                    o.IncludeFormattedMessage = true;
                })
                .UseOtlpExporter(
                    string.Equals(options.Otlp.Protocol, "http/protobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc,
                    otlp);
        }
    }

    /// <summary>Maps <c>/metrics</c> behind <see cref="MetricsAccessGuard"/> when enabled; otherwise there is no such endpoint (404).</summary>
    public static void MapServiceProMetrics(this WebApplication app)
    {
        // The host's gauges exist from the start, not from the first sign-in that needs the meter.
        app.Services.GetRequiredService<HostMetrics>();
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (!options.Prometheus.Enabled)
        {
            return;
        }

        var networks = MetricsAccessGuard.ParseNetworks(options.Prometheus.AllowedNetworks);
        app.MapPrometheusScrapingEndpoint(PrometheusOptions.Path, meterProvider: null, configureBranchedPipeline: branch => branch.UseMiddleware<MetricsAccessGuard>(networks), optionsName: null)
            .AllowAnonymous(); // the guard decides, with its own answers (401/403) instead of a redirect to the sign-in page
    }

    private static bool IsScrape(PathString path) =>
        path.StartsWithSegments(PrometheusOptions.Path) || path.StartsWithSegments("/health");
}
