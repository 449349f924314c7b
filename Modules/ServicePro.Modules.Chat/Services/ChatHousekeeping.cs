using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePro.Contracts.Cluster;
using ServicePro.Contracts.Modules;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// Expires pending invitations and ends sessions whose originator stayed away past the grace period. With several
/// hosts on one database exactly one does it: the holder of the <see cref="LeaseName"/> lease, asked for every tick
/// and renewed once half of it has run (<see cref="ChatLease"/>).
/// </summary>
public sealed class ChatHousekeeping(
    HousekeepingHandler housekeeping,
    IModuleStatus modules,
    IHostLeases leases,
    TimeProvider time,
    IOptions<ChatOptions> options,
    ILogger<ChatHousekeeping> logger) : BackgroundService
{
    public const string LeaseName = "chat-housekeeping";

    private readonly ChatLease _lease = new(leases, LeaseName, time);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HousekeepingInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Nothing to keep while Chat is disabled or failed to start (its tables may not even exist).
                if (!modules.IsEnabled(ChatConstants.ModuleId))
                {
                    continue;
                }

                try
                {
                    if (await _lease.TryHoldAsync(options.Value.LeaseDuration, stoppingToken))
                    {
                        await housekeeping.ExpireInvitationsAsync(stoppingToken);
                        await housekeeping.EndAbandonedSessionsAsync(stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Chat housekeeping failed; it runs again at the next tick");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            await _lease.ReleaseAsync(logger);
        }
    }
}
