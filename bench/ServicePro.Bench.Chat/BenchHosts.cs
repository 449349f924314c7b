using System.Reflection;
using ServicePro.Testing;

namespace ServicePro.Bench.Chat;

/// <summary>
/// The host(s) under load: given by URL (already running, with the bench reps in their database), or started here from
/// the built output (Release when the tool runs in Release) with Requests, Chat and the bench-accounts module that
/// creates the reps, one after the other so that only the first migrates and creates. Several started hosts share one
/// SQLite file unless <c>--setting Database:ConnectionString=…</c> names another database.
/// </summary>
public sealed class BenchHosts : IAsyncDisposable
{
    /// <summary>The environment of started hosts: not Production (the accounts module refuses it), not Development.</summary>
    public const string Environment = "Bench";

    private readonly List<HostProcess> _started;
    private readonly string? _sharedFolder;

    private BenchHosts(IReadOnlyList<Uri> addresses, IReadOnlyList<ProcessGauge?> gauges, List<HostProcess> started, string? sharedFolder, string description)
    {
        Addresses = addresses;
        Gauges = gauges;
        _started = started;
        _sharedFolder = sharedFolder;
        Description = description;
    }

    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>Each host's process, or null for a given host whose process could not be found on this machine.</summary>
    public IReadOnlyList<ProcessGauge?> Gauges { get; }

    public string Description { get; }

    public static async Task<BenchHosts> StartAsync(ChatBenchOptions options, TextWriter log)
    {
        if (options.Hosts.Count > 0)
        {
            var gauges = new List<ProcessGauge?>();
            foreach (var host in options.Hosts)
            {
                gauges.Add(await ProcessGauge.ListeningOnAsync(host.Port));
            }

            return new BenchHosts(options.Hosts, gauges, [], null, $"{options.Hosts.Count} given host(s): {string.Join(", ", options.Hosts)}");
        }

        var settings = new Dictionary<string, string>(options.Settings)
        {
            ["Modules:bench-accounts:Count"] = options.Reps.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Modules:bench-accounts:Password"] = options.Password,
        };
        string? shared = null;
        if (options.StartHosts > 1 && !settings.ContainsKey("Database:ConnectionString"))
        {
            shared = Directory.CreateTempSubdirectory("servicepro-bench-chat-").FullName;
            settings["Database:ConnectionString"] = $"Data Source={Path.Combine(shared, "shared.db")}";
        }

        var started = new List<HostProcess>();
        try
        {
            for (var i = 0; i < options.StartHosts; i++)
            {
                await log.WriteLineAsync($"Starting host {i + 1} of {options.StartHosts} from {TestPaths.HostDirectory}…");
                var host = await HostProcess.StartAsync(new HostStartOptions { Environment = Environment }, ModulesConfig(), settings);
                started.Add(host);
                if (!host.Output.Contains("Bench reps:", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The bench-accounts module did not run on host {i + 1}:\n{host.Output}");
                }
            }
        }
        catch
        {
            foreach (var host in started)
            {
                await host.DisposeAsync();
            }

            throw;
        }

        var database = settings.TryGetValue("Database:Provider", out var provider) ? provider : "Sqlite";
        var described = string.Join(", ", options.Settings.Where(s => !s.Key.Contains("Password", StringComparison.OrdinalIgnoreCase)).Select(s => $"`{s.Key}={s.Value}`"));
        return new BenchHosts(
            started.Select(h => h.BaseAddress).ToArray(),
            started.Select(h => (ProcessGauge?)new ProcessGauge(h.ProcessId)).ToArray(),
            started,
            shared,
            $"{options.StartHosts} host(s) started by the tool from {TestPaths.HostDirectory} (environment {Environment}, {database}{(shared is null ? "" : ", one shared SQLite file")}){(described.Length > 0 ? "; settings " + described : "")}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _started)
        {
            await host.DisposeAsync();
        }

        if (_sharedFolder is not null)
        {
            Directory.Delete(_sharedFolder, recursive: true);
        }
    }

    private static string ModulesConfig()
    {
        var accounts = typeof(BenchHosts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "BenchAccountsModule").Value
            ?? throw new InvalidOperationException("The bench-accounts module's path is missing from the tool's metadata.");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <modules>
              <module id="requests" assembly="ServicePro.Modules.Requests" enabled="true" />
              <module id="chat" assembly="ServicePro.Modules.Chat" enabled="true" />
              <module id="bench-accounts" assembly="{accounts}" enabled="true" />
            </modules>
            """;
    }
}
