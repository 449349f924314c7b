using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using ServicePro.Contracts.Cluster;
using ServicePro.Contracts.Events;

namespace ServicePro.Host.Events;

/// <summary>
/// Carries <see cref="IClusterEvent"/> notifications between the hosts of a deployment: what this host publishes goes
/// out on the cluster bus in order, on one loop; what another host published is handed to this host's subscribers of
/// the same type (known by name once something here subscribed to it — nobody subscribed, nobody to tell).
/// </summary>
public sealed partial class ClusterEventRelay(IClusterBus bus, ILogger<ClusterEventRelay> logger) : BackgroundService
{
    public const string Channel = "host:events";

    private readonly Channel<byte[]> _outgoing = System.Threading.Channels.Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(1_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });
    private readonly ConcurrentDictionary<string, Type> _known = new(StringComparer.Ordinal);

    /// <summary>Called for each event that arrives from another host.</summary>
    internal Action<Type, object>? Deliver { get; set; }

    internal static string NameOf(Type type) => type.FullName ?? type.Name;

    /// <summary>Remembers <paramref name="type"/> so that its events from other hosts can be read.</summary>
    internal void Know(Type type) => _known.TryAdd(NameOf(type), type);

    /// <summary>Queues <paramref name="event"/> for the other hosts; never waits.</summary>
    internal void Send(Type type, object @event) =>
        _outgoing.Writer.TryWrite(JsonSerializer.SerializeToUtf8Bytes(new Envelope(NameOf(type), JsonSerializer.SerializeToElement(@event, type))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var subscription = await bus.SubscribeAsync(Channel, ReceiveAsync, stoppingToken);
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await bus.PublishAsync(Channel, message, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A notification is best effort (pages reload what they show): the next one goes out anyway.
                    LogSendFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private Task ReceiveAsync(ReadOnlyMemory<byte> message)
    {
        var envelope = JsonSerializer.Deserialize<Envelope>(message.Span);
        if (envelope is not null && _known.TryGetValue(envelope.Type, out var type) && envelope.Event.Deserialize(type) is { } @event)
        {
            Deliver?.Invoke(type, @event);
        }

        return Task.CompletedTask;
    }

    private sealed record Envelope(string Type, JsonElement Event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification could not be sent to the other hosts")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
