using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServicePro.Modules.Chat.Diagnostics;

/// <summary>
/// Samples the figures that live in the database (live sessions, outbox backlog) for <see cref="ChatMetrics"/> every
/// <see cref="Interval"/>: a gauge is read on the scraper's request, where a database query has no place.
/// </summary>
public sealed class ChatMetricsSampler(ChatFigures figures, ChatMetrics metrics, TimeProvider time, ILogger<ChatMetricsSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    var (live, backlog) = await figures.SampleAsync(stoppingToken);
                    metrics.Sampled(live, backlog);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The database may not be migrated yet, or be briefly away: the next round tries again.
                    logger.LogDebug(ex, "Chat figures could not be sampled");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
