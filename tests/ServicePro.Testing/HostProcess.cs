using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ServicePro.Testing;

/// <summary>
/// The real ServicePro host, started as its own process on 127.0.0.1 (a free port) with a temporary data folder
/// and a temporary <c>modules.config</c>. Ready when Kestrel says where it listens.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HostStartOptions _options;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputGate = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _outputWaiters = [];
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    private HostProcess(string workDirectory, Process process, HostStartOptions options)
    {
        WorkDirectory = workDirectory;
        _process = process;
        _options = options;
    }

    /// <summary>The temporary folder: data, modules.config.</summary>
    public string WorkDirectory { get; }

    public string ModulesConfigPath => _options.ShippedModules
        ? Path.Combine(_options.HostDirectory, "modules.config")
        : Path.Combine(WorkDirectory, "modules.config");

    public Uri BaseAddress { get; private set; } = default!;

    public bool HasExited => _process.HasExited;

    /// <summary>The host's own process (for load tools that read its memory and sockets).</summary>
    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_outputGate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A modules.config listing the sample Share module and the Probe test module.</summary>
    public static string DefaultModulesConfig(bool probeEnabled = true, bool shareEnabled = true) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!-- test catalog -->
        <modules>
          <module id="share" assembly="ServicePro.Modules.Share" enabled="{(shareEnabled ? "true" : "false")}" />
          <!-- the probe -->
          <module id="probe" assembly="{TestPaths.ProbeModuleAssembly}" enabled="{(probeEnabled ? "true" : "false")}" />
        </modules>
        """;

    /// <summary>Starts the host and waits until it listens, or throws with its output if it stops first.</summary>
    public static Task<HostProcess> StartAsync(string? modulesConfig = null, IDictionary<string, string>? settings = null, CancellationToken cancellationToken = default) =>
        StartAsync(HostStartOptions.Default, modulesConfig, settings, cancellationToken);

    /// <summary>Starts the host as <paramref name="options"/> say (another environment, a published host) and waits until it listens.</summary>
    public static async Task<HostProcess> StartAsync(HostStartOptions options, string? modulesConfig = null, IDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("servicepro-test-").FullName;
        if (!options.ShippedModules)
        {
            await File.WriteAllTextAsync(Path.Combine(work, "modules.config"), modulesConfig ?? DefaultModulesConfig(), cancellationToken);
        }

        var host = Launch(work, settings, options);
        await host.WaitUntilListeningAsync(cancellationToken);
        return host;
    }

    /// <summary>
    /// Kills this host (as a crash would) but keeps its folder, then starts a new host on the same data folder and
    /// modules.config with <paramref name="settings"/>; the new host owns the folder from then on.
    /// </summary>
    public async Task<HostProcess> RestartAsync(IDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(cancellationToken);
        }

        _process.Dispose();
        var host = Launch(WorkDirectory, settings, _options);
        await host.WaitUntilListeningAsync(cancellationToken);
        return host;
    }

    /// <summary>
    /// Kills this host (as a crash would) and keeps its folder, so that a browser sees the server gone before
    /// <see cref="RestartAsync"/> brings a new one up on the same folder.
    /// </summary>
    public async Task KillAsync(CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(cancellationToken);
        }
    }

    /// <summary>Starts the host on a given modules.config and waits for it to exit (for start-up failures).</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string modulesConfig, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("servicepro-test-").FullName;
        await File.WriteAllTextAsync(Path.Combine(work, "modules.config"), modulesConfig, cancellationToken);
        await using var host = Launch(work, null, HostStartOptions.Default);
        await host._process.WaitForExitAsync(cancellationToken);
        return (host._process.ExitCode, host.Output);
    }

    private static HostProcess Launch(string work, IDictionary<string, string>? settings, HostStartOptions options)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = options.HostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(options.HostDirectory, "ServicePro.Host.dll"));
        var arguments = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Database:DataFolder"] = Path.Combine(work, "data"),
            ["Logging:Console:FormatterName"] = "simple",

            // Every test signs in from 127.0.0.1: only the tests of the sign-in limits themselves (which set their own) meet them.
            ["SignIn:PermitsPerClient"] = "100000",
            ["SignIn:FailuresPerAccount"] = "100000",
        };
        if (!options.ShippedModules)
        {
            arguments["Modules:ConfigPath"] = Path.Combine(work, "modules.config");
            arguments["Modules:Path"] = TestPaths.ModulesDirectory;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }

        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = options.Environment;
        start.Environment["DOTNET_NOLOGO"] = "1";

        // Each host keeps its own key ring (ASP.NET Core's default is ~/.aspnet), as hosts on separate machines would:
        // a cookie or token one host issued works on another only through what the deployment shares (Redis).
        start.Environment["HOME"] = work;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(work, process, options);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.Exited += (_, _) => host._listening.TrySetException(new InvalidOperationException($"The host exited before listening:\n{host.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until the host writes a line containing <paramref name="text"/> (or has written one already).</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout) => WaitForOutputAsync(text, 0, timeout);

    /// <summary>
    /// Waits until the host writes a line containing <paramref name="text"/> at or after position
    /// <paramref name="from"/> of <see cref="Output"/> (a length read earlier), or has written one there already.
    /// The host's logger writes on a thread of its own, so a line may arrive after the reply that it describes.
    /// </summary>
    public Task WaitForOutputAsync(string text, int from, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_outputGate)
        {
            if (_output.ToString(from, _output.Length - from).Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            _outputWaiters.Add((text, seen));
        }

        return WaitAsync(seen.Task, text, timeout);
    }

    private async Task WaitAsync(Task seen, string text, TimeSpan timeout)
    {
        try
        {
            await seen.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The host did not write \"{text}\" within {timeout}:\n{Output}");
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputGate)
        {
            _output.AppendLine(line);
            foreach (var waiter in _outputWaiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                _outputWaiters.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }

        var match = ListeningPattern().Match(line);
        if (match.Success)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            BaseAddress = await _listening.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The host did not start listening within 90 s:\n{Output}");
        }
    }

    /// <summary>An HTTP client for the host that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateClient(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Stops the host (as a crash would) and deletes its folder; safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean; the test result does not depend on it.
        }
    }

    [GeneratedRegex(@"Now listening on: (https?://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningPattern();
}
