using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePro.Contracts.Modules;

namespace ServicePro.Modules.Requests.Services;

/// <summary>Retries kept chat sessions every <see cref="RequestsOptions.PendingRetryInterval"/> while the module is enabled.</summary>
public sealed class PendingChatSessionRetrier : BackgroundService
{
    private readonly ChatSessionRecorder _recorder;
    private readonly PendingChatSessions _pending;
    private readonly IServiceProvider _services;
    private readonly ILogger<PendingChatSessionRetrier> _logger;
    private readonly PeriodicTimer _timer;

    public PendingChatSessionRetrier(
        ChatSessionRecorder recorder,
        PendingChatSessions pending,
        IServiceProvider services,
        IOptions<RequestsOptions> options,
        TimeProvider time,
        ILogger<PendingChatSessionRetrier> logger)
    {
        _recorder = recorder;
        _pending = pending;
        _services = services;
        _logger = logger;
        var interval = options.Value.PendingRetryInterval > TimeSpan.Zero ? options.Value.PendingRetryInterval : TimeSpan.FromSeconds(30);
        // Created here, not when the loop starts: the interval counts from when the host builds the service.
        _timer = new PeriodicTimer(interval, time);
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
            {
                var enabled = _services.GetService<IModuleStatus>()?.IsEnabled(RequestsConstants.ModuleId) ?? true;
                if (_pending.Count == 0 || !enabled)
                {
                    continue;
                }

                try
                {
                    await _recorder.RetryPendingAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogError(ex, "Retrying kept chat sessions failed; {Count} still kept", _pending.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
