using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePro.Contracts.Modules;

namespace ServicePro.Modules.Requests.Services;

/// <summary>Retries kept chat sessions every <see cref="RequestsOptions.PendingRetryInterval"/> while the module is enabled.</summary>
public sealed class PendingChatSessionRetrier(
    ChatSessionRecorder recorder,
    PendingChatSessions pending,
    IServiceProvider services,
    IOptions<RequestsOptions> options,
    TimeProvider time,
    ILogger<PendingChatSessionRetrier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PendingRetryInterval > TimeSpan.Zero ? options.Value.PendingRetryInterval : TimeSpan.FromSeconds(30);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var enabled = services.GetService<IModuleStatus>()?.IsEnabled(RequestsConstants.ModuleId) ?? true;
                if (pending.Count == 0 || !enabled)
                {
                    continue;
                }

                try
                {
                    await recorder.RetryPendingAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Retrying kept chat sessions failed; {Count} still kept", pending.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
