using ServicePro.Contracts.Cluster;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>An <see cref="IClusterBus"/> in memory: records what this host publishes and lets a test play another host's message.</summary>
public sealed class RecordingClusterBus(string hostId) : IClusterBus
{
    private readonly Dictionary<string, List<Func<ReadOnlyMemory<byte>, Task>>> _handlers = [];

    public string HostId { get; } = hostId;

    public List<(string Channel, byte[] Message)> Published { get; } = [];

    public Task PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken ct = default)
    {
        Published.Add((channel, message.ToArray()));
        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable> SubscribeAsync(string channel, Func<ReadOnlyMemory<byte>, Task> handler, CancellationToken ct = default)
    {
        if (!_handlers.TryGetValue(channel, out var list))
        {
            _handlers[channel] = list = [];
        }

        list.Add(handler);
        return Task.FromResult<IAsyncDisposable>(new Unsubscribe(() => list.Remove(handler)));
    }

    /// <summary>Hands <paramref name="message"/> to this host's handlers of <paramref name="channel"/>, as if another host published it.</summary>
    public async Task DeliverAsync(string channel, byte[] message)
    {
        foreach (var handler in _handlers.GetValueOrDefault(channel) ?? [])
        {
            await handler(message);
        }
    }

    private sealed class Unsubscribe(Action action) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            action();
            return ValueTask.CompletedTask;
        }
    }
}
