using ServicePro.Contracts.Cluster;

namespace ServicePro.Host.Cluster;

/// <summary>One host, no Redis: there is nobody to reach, so nothing is sent and no handler is ever called.</summary>
public sealed class SingleHostBus(string hostId) : IClusterBus
{
    public string HostId { get; } = hostId;

    public Task PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken ct = default) => Task.CompletedTask;

    public Task<IAsyncDisposable> SubscribeAsync(string channel, Func<ReadOnlyMemory<byte>, Task> handler, CancellationToken ct = default) =>
        Task.FromResult<IAsyncDisposable>(new Nothing());

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
