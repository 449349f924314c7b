namespace ServicePro.Host.Modularity;

/// <summary>
/// Every <c>Modules:StatePollInterval</c> (default one second), applies the module choices stored by administrators on
/// other hosts, so that every host's shells follow a change within about that interval without a reload.
/// </summary>
public sealed class ModuleStatePoller(ModuleAdministration administration, IConfiguration configuration, TimeProvider time, ILogger<ModuleStatePoller> logger) : BackgroundService
{
    public const string IntervalSetting = "Modules:StatePollInterval";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue<TimeSpan?>(IntervalSetting) ?? TimeSpan.FromSeconds(1);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await administration.ApplyStoredAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database is away for a moment (or not migrated yet): the next tick tries again.
                    logger.LogWarning(ex, "Stored module states could not be read; trying again in {Interval}", interval);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
