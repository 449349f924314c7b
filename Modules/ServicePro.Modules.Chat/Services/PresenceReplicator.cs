using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePro.Contracts.Cluster;
using ServicePro.Modules.Chat.Notifications;

namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// Shares presence between hosts on the cluster bus, in traffic linear in the hosts: each host publishes its own
/// changes (numbered), a heartbeat every <see cref="ChatOptions.PresenceHeartbeatInterval"/> and its snapshot when
/// asked (a host starting, or one that saw a gap in the numbers); nobody polls. Each host tells its own shells and hub
/// connections what changed in its merged view (through <see cref="PresenceBroadcaster"/>, in batches), so every host's tiles
/// and invite windows follow, and a host that dies without a word is dropped by every other after
/// <see cref="ChatOptions.PresenceHostTimeout"/>. With one host the bus reaches nobody and this only keeps time.
/// </summary>
public sealed partial class PresenceReplicator(
    IClusterBus cluster,
    PresenceTracker presence,
    PresenceBroadcaster broadcaster,
    IOptions<ChatOptions> options,
    TimeProvider time,
    ILogger<PresenceReplicator> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IAsyncDisposable? _subscription;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = await cluster.SubscribeAsync(ChatChannels.Presence, ReceiveAsync, cancellationToken);
        presence.Join();
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
        }

        // A host that stops in order says so: its reps leave the others' view at once instead of after the timeout.
        await PublishAsync(presence.Leave(), cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var publishing = PublishQueuedAsync(stoppingToken);
        try
        {
            using var timer = new PeriodicTimer(options.Value.PresenceHeartbeatInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Tell(presence.Tick());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        await publishing;
    }

    private async Task PublishQueuedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in presence.Outgoing.ReadAllAsync(stoppingToken))
            {
                await PublishAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PublishAsync(PresenceMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await cluster.PublishAsync(ChatChannels.Presence, JsonSerializer.SerializeToUtf8Bytes(message, Json), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Lost: the next heartbeat's number shows the gap and the others ask for a snapshot.
            LogPublishFailed(logger, ex, message.Kind);
        }
    }

    private Task ReceiveAsync(ReadOnlyMemory<byte> message)
    {
        if (JsonSerializer.Deserialize<PresenceMessage>(message.Span, Json) is { } received)
        {
            Tell(presence.Apply(received));
        }

        return Task.CompletedTask;
    }

    private void Tell(IReadOnlyList<PresenceDto> changes)
    {
        if (changes.Count > 0)
        {
            broadcaster.Post(changes);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence ({Kind}) could not be published to the other hosts")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string kind);

}
