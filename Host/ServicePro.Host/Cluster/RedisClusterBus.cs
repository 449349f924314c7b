using System.Buffers.Binary;
using System.Text;
using ServicePro.Contracts.Cluster;
using StackExchange.Redis;

namespace ServicePro.Host.Cluster;

/// <summary>
/// The other hosts over Redis pub/sub, on the host's one shared connection. Each message carries its sender's id, so a
/// host drops its own (Redis sends a publisher its own messages when it is subscribed). Subscriptions use a
/// <see cref="ChannelMessageQueue"/>: one message at a time, in the order Redis received them.
/// </summary>
public sealed partial class RedisClusterBus(IConnectionMultiplexer redis, RedisSettings settings, string hostId, ILogger<RedisClusterBus> logger) : IClusterBus
{
    private readonly byte[] _sender = Encoding.UTF8.GetBytes(hostId);

    public string HostId { get; } = hostId;

    public async Task PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var envelope = new byte[2 + _sender.Length + message.Length];
        BinaryPrimitives.WriteUInt16BigEndian(envelope, (ushort)_sender.Length);
        _sender.CopyTo(envelope, 2);
        message.Span.CopyTo(envelope.AsSpan(2 + _sender.Length));
        await redis.GetSubscriber().PublishAsync(ChannelOf(channel), envelope);
    }

    public async Task<IAsyncDisposable> SubscribeAsync(string channel, Func<ReadOnlyMemory<byte>, Task> handler, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ct.ThrowIfCancellationRequested();
        var queue = await redis.GetSubscriber().SubscribeAsync(ChannelOf(channel));
        queue.OnMessage(async message =>
        {
            ReadOnlyMemory<byte> envelope = (byte[]?)message.Message ?? [];
            if (envelope.Length < 2)
            {
                return;
            }

            var senderLength = BinaryPrimitives.ReadUInt16BigEndian(envelope.Span);
            if (envelope.Length < 2 + senderLength || envelope.Span.Slice(2, senderLength).SequenceEqual(_sender))
            {
                return;
            }

            try
            {
                await handler(envelope[(2 + senderLength)..]);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(logger, ex, channel);
            }
        });
        return new Subscription(queue);
    }

    private RedisChannel ChannelOf(string channel) => RedisChannel.Literal($"{settings.ChannelPrefix}:cluster:{channel}");

    [LoggerMessage(Level = LogLevel.Error, Message = "A message from another host on {Channel} could not be handled")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string channel);

    private sealed class Subscription(ChannelMessageQueue queue) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await queue.UnsubscribeAsync();
    }
}
