using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServicePro.Testing;

/// <summary>
/// A real Redis (Debian's <c>/usr/bin/redis-server</c>) on a free loopback port, in a temporary folder, without
/// persistence. <see cref="SharedAsync"/> starts one per test-assembly run (call <see cref="StopSharedAsync"/> from the
/// assembly's cleanup; the process exit stops it otherwise); tests keep apart with their own
/// <see cref="NewChannelPrefix"/> (or <see cref="FlushAsync"/>). A test that stops and starts Redis starts its own
/// with <see cref="StartAsync"/>, so that the other tests' Redis stays up.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/redis-server";

    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static RedisServer? _shared;

    private readonly string _folder;
    private Process? _process;

    private RedisServer(int port, string folder)
    {
        Port = port;
        _folder = folder;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string, for the host's <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>This test-assembly run's Redis, started on first use.</summary>
    public static async Task<RedisServer> SharedAsync(CancellationToken cancellationToken = default)
    {
        await SharedGate.WaitAsync(cancellationToken);
        try
        {
            return _shared ??= await StartAsync(cancellationToken);
        }
        finally
        {
            SharedGate.Release();
        }
    }

    public static async Task StopSharedAsync()
    {
        await SharedGate.WaitAsync();
        try
        {
            if (_shared is not null)
            {
                await _shared.DisposeAsync();
                _shared = null;
            }
        }
        finally
        {
            SharedGate.Release();
        }
    }

    /// <summary>A channel prefix (<c>Redis:ChannelPrefix</c>) of its own, so that tests sharing one Redis never meet.</summary>
    public static string NewChannelPrefix() => "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A Redis of the caller's own, which it may stop and start again (on the same port).</summary>
    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install Debian's redis-server package (apt-get install redis-server); ./test.sh does.");
        }

        var server = new RedisServer(FreePort(), Directory.CreateTempSubdirectory("servicepro-redis-").FullName);
        await server.StartAgainAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port, and waits until it accepts connections.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo(Binary)
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder, "--daemonize", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"redis-server exited at start:\n{output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill(process);
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"redis-server did not become ready within 30 s:\n{output}");
        }
    }

    /// <summary>Stops the server (as a crash would); <see cref="StartAgainAsync"/> brings it back, empty.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            Kill(process);
            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Deletes every key (FLUSHALL).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var answer = await CommandAsync(["FLUSHALL"], cancellationToken);
        if (answer != "+OK")
        {
            throw new InvalidOperationException($"FLUSHALL answered {answer}");
        }
    }

    /// <summary>Sends one command and returns the first line of the answer (<c>+OK</c>, <c>:3</c>, <c>-ERR …</c>).</summary>
    public async Task<string> CommandAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var request = new StringBuilder().Append('*').Append(arguments.Count).Append("\r\n");
        foreach (var argument in arguments)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        }

        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException("Redis closed the connection without answering.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
