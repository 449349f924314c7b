using ServicePro.Host;
using ServicePro.Host.Cluster;
using ServicePro.Host.Diagnostics;
using ServicePro.Host.Modularity;

var builder = WebApplication.CreateBuilder(args);
using var startupLogging = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));

builder.AddServiceProData();
builder.AddServiceProIdentity();
builder.AddServiceProShell();
builder.AddServiceProTelemetry();
builder.AddServiceProCluster(startupLogging);
try
{
    await builder.AddServiceProModulesAsync(startupLogging);
}
catch (ModuleCatalogException ex)
{
    // A half-configured shell is worse than none: stop with one message that names the file and the line.
    startupLogging.CreateLogger("ServicePro").LogCritical("ServicePro cannot start: {Problem}", ex.Message);
    return 2;
}

var app = builder.Build();
await app.UseServiceProAsync();
await app.RunAsync();
return 0;
