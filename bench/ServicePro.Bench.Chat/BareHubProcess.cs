using System.Diagnostics;

namespace ServicePro.Bench.Chat;

/// <summary>This tool started again in its --bare-hub mode, as a server process of its own beside the host(s).</summary>
public sealed class BareHubProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BareHubProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ProcessGauge Gauge => new(_process.Id);

    public static async Task<BareHubProcess> StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(BareHubProcess).Assembly.Location);
        start.ArgumentList.Add(ChatBenchOptions.BareHubSwitch);

        // The host is an ASP.NET Core (Web SDK) application and so runs the server GC: the yardstick does too.
        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The bare hub did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(BareHubServer.ListeningLine, StringComparison.Ordinal))
            {
                // Whatever it writes later is drained, so that a full pipe never blocks it.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return new BareHubProcess(process, new Uri(line[BareHubServer.ListeningLine.Length..].TrimEnd('/') + "/"));
            }
        }

        throw new InvalidOperationException($"The bare hub exited ({process.ExitCode}) before listening.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }
}
