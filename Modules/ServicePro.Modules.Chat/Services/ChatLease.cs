using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Cluster;

namespace ServicePro.Modules.Chat.Services;

/// <summary>Giving a lease up when a background job stops, so that another host takes over at once.</summary>
internal static class ChatLease
{
    public static async Task ReleaseAsync(IHostLeases leases, string name, ILogger logger)
    {
        try
        {
            // Stopping: a short wait of its own, never the stopped token.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(name, timeout.Token);
        }
        catch (Exception ex)
        {
            // It expires on its own; another host takes over then.
            logger.LogWarning(ex, "Lease {Lease} could not be released; another host takes over when it expires", name);
        }
    }
}
