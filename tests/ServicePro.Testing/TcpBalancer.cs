using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ServicePro.Testing;

/// <summary>
/// A loopback TCP load balancer for tests with sticky connections: it listens on one free port and hands each new
/// connection to the first backend port, in order, that accepts it, falling through to the next when one refuses.
/// Bytes are copied both ways until either side closes, and then the other side is closed too. A WebSocket so stays on
/// its backend until that backend dies; the client's reconnect is a new connection and lands on the next backend.
/// </summary>
public sealed class TcpBalancer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, Task> _connections = new();
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private int[] _backends;

    /// <param name="backendPorts">Loopback ports, in the order they are tried.</param>
    public TcpBalancer(IEnumerable<int> backendPorts)
    {
        _backends = [.. backendPorts];
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{Port}/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The backends new connections are tried on, in order; connections already made stay where they are.</summary>
    public IReadOnlyList<int> Backends
    {
        get
        {
            lock (_gate)
            {
                return _backends;
            }
        }
    }

    public void SetBackends(IEnumerable<int> ports)
    {
        lock (_gate)
        {
            _backends = [.. ports];
        }
    }

    /// <summary>Stops sending new connections to <paramref name="port"/>; connections already made stay.</summary>
    public void Remove(int port)
    {
        lock (_gate)
        {
            _backends = [.. _backends.Where(p => p != port)];
        }
    }

    /// <summary>Stops listening and closes every connection it carries.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections.Keys);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var connection = CarryAsync(client);
            _connections[connection] = connection;
            _ = connection.ContinueWith(done => _connections.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task CarryAsync(Socket client)
    {
        using (client)
        {
            client.NoDelay = true;
            using var backend = await ConnectAsync();
            if (backend is null)
            {
                // Every backend refused: the client sees its connection closed, as with a balancer that has no healthy backend.
                return;
            }

            using var carrying = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            await using var clientStream = new NetworkStream(client, ownsSocket: false);
            await using var backendStream = new NetworkStream(backend, ownsSocket: false);

            // When either direction ends (a side closed, died or the balancer stops), both sockets close.
            await Task.WhenAny(CopyAsync(clientStream, backendStream, carrying.Token), CopyAsync(backendStream, clientStream, carrying.Token));
            await carrying.CancelAsync();
        }
    }

    private async Task<Socket?> ConnectAsync()
    {
        foreach (var port in Backends)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), _stopping.Token);
                return socket;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                if (_stopping.IsCancellationRequested)
                {
                    return null;
                }
            }
        }

        return null;
    }

    private static async Task CopyAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
    {
        try
        {
            await from.CopyToAsync(to, cancellationToken);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // A side reset or the balancer stopped: the connection is over either way.
        }
    }
}
