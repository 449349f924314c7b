using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServicePro.Bench.Chat;

/// <summary>The tool's --bare-hub mode: Kestrel on a free loopback port serving <see cref="BareRelayHub"/> only.</summary>
public static class BareHubServer
{
    /// <summary>Written to stdout with the address once listening; <see cref="BareHubProcess"/> waits for it.</summary>
    public const string ListeningLine = "Bare relay hub listening on ";

    public static async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        await using var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BareRelayHub>(BareRelayHub.Route);
        await app.StartAsync();
        Console.WriteLine(ListeningLine + app.Urls.First());

        // The tool ends this process by closing its standard input (or killing it).
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }
}
