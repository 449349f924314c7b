using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Cluster;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Notifications;

/// <summary>
/// Carries chat events to the shells (circuits) of reps open on OTHER hosts; hub connections get theirs through the
/// SignalR backplane, so nothing arrives twice. An event goes only to the hosts where one of its reps is connected
/// (as presence knows it), on that host's own channel, naming its reps: a host hands it to those reps' shells only,
/// and a host without any of them (a third rep's, for Off the Record text) never receives it. Each host's channel is
/// read in the order published, so a session's events keep their order.
/// </summary>
public sealed partial class ChatEventRelay(IClusterBus cluster, PresenceTracker presence, ShellDelivery shells, ILogger<ChatEventRelay> logger)
    : IHostedService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IAsyncDisposable? _ownChannel;
    private IAsyncDisposable? _everyShell;

    public string HostId => cluster.HostId;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ownChannel = await cluster.SubscribeAsync(ChatChannels.ShellsOn(cluster.HostId), ReceiveAsync, cancellationToken);
        _everyShell = await cluster.SubscribeAsync(ChatChannels.EveryShell, ReceiveAsync, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_ownChannel is not null)
        {
            await _ownChannel.DisposeAsync();
        }

        if (_everyShell is not null)
        {
            await _everyShell.DisposeAsync();
        }
    }

    /// <summary>To the shells of <paramref name="userNames"/> on the other hosts where any of them is connected.</summary>
    public Task ToUsersAsync(IReadOnlyCollection<string> userNames, ChatEvent chatEvent)
    {
        var hosts = presence.HostsOf(userNames);
        if (hosts.Count == 0)
        {
            return Task.CompletedTask;
        }

        var message = JsonSerializer.SerializeToUtf8Bytes(new RelayedChatEvent([.. userNames], chatEvent), Json);

        // Every publish is issued now, in call order (Redis keeps it); only the waiting is shared.
        return Task.WhenAll(hosts.Select(host => PublishAsync(ChatChannels.ShellsOn(host), message)));
    }

    /// <summary>To every shell on every other host.</summary>
    public Task ToEveryShellAsync(ChatEvent chatEvent) =>
        PublishAsync(ChatChannels.EveryShell, JsonSerializer.SerializeToUtf8Bytes(new RelayedChatEvent(null, chatEvent), Json));

    private Task ReceiveAsync(ReadOnlyMemory<byte> message)
    {
        if (JsonSerializer.Deserialize<RelayedChatEvent>(message.Span, Json) is { Event: { } chatEvent } relayed)
        {
            shells.Deliver(relayed.Users, chatEvent);
        }

        return Task.CompletedTask;
    }

    private async Task PublishAsync(string channel, byte[] message)
    {
        try
        {
            await cluster.PublishAsync(channel, message);
        }
        catch (Exception ex)
        {
            // The change is committed and told here; shells elsewhere catch up when they next load. Never fail the sender.
            LogPublishFailed(logger, ex, channel);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A chat event could not be carried to the other hosts ({Channel})")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string channel);
}
