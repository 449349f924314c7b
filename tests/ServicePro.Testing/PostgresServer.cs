using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ServicePro.Testing;

/// <summary>
/// A private PostgreSQL cluster from Debian's binaries, one per test-assembly run: initialised in a temporary folder,
/// listening on a free loopback port (its unix socket in that folder, trust authentication, loopback only), stopped
/// and deleted when the test process exits. Each test takes a fresh database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer
{
    private const string PreferredVersion = "15";
    private const string BinariesRoot = "/usr/lib/postgresql";
    private const string SuperUser = "postgres";

    // Lazy<Task>: every test that asks shares one start, and a failed start fails each of them with the same reason.
    private static readonly Lazy<Task<PostgresServer>> s_shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;
    private int _stopped;

    private PostgresServer(string bin, string folder, bool asPostgresUser, int port)
    {
        _bin = bin;
        _folder = folder;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    /// <summary>The loopback TCP port the cluster listens on.</summary>
    public int Port { get; }

    /// <summary>The cluster of this test run, started on first use.</summary>
    public static Task<PostgresServer> SharedAsync() => s_shared.Value;

    /// <summary>A new, empty database on the shared cluster; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var server = await SharedAsync();
        return await server.NewDatabaseAsync(cancellationToken);
    }

    /// <summary>
    /// Host settings for a fresh database on the shared cluster: <c>Database:Provider=PostgreSql</c>, its connection
    /// string, and migrations applied at start-up (a deployment applies them as scripts instead).
    /// </summary>
    public static async Task<Dictionary<string, string>> HostSettingsAsync(CancellationToken cancellationToken = default) => new()
    {
        ["Database:Provider"] = "PostgreSql",
        ["Database:ConnectionString"] = await CreateDatabaseAsync(cancellationToken),
        ["Database:MigrateAtStartup"] = "true",
    };

    /// <summary>Stops the shared cluster if it was started (for an assembly cleanup; process exit does it otherwise).</summary>
    public static async Task StopSharedAsync()
    {
        if (s_shared.IsValueCreated && s_shared.Value.IsCompletedSuccessfully)
        {
            var server = await s_shared.Value;
            await server.StopAsync();
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Database = database,
        Username = SuperUser,
        IncludeErrorDetail = true,
    }.ConnectionString;

    private async Task<string> NewDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "servicepro_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false"))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return ConnectionString(name);
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries();

        // initdb refuses to run as root: as root (the CI machine) the cluster belongs to Debian's postgres user.
        var asPostgresUser = Environment.IsPrivilegedProcess;
        var folder = Directory.CreateTempSubdirectory("servicepro-pg-").FullName;
        if (asPostgresUser)
        {
            await RunAsync("chown", [SuperUser + ":", folder], folder);
        }

        var port = FreePort();
        var server = new PostgresServer(bin, folder, asPostgresUser, port);
        var data = Path.Combine(folder, "data");
        await server.RunToolAsync("initdb", ["-D", data, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);

        // Loopback only; throw-away data, so nothing needs to reach the disk before a test goes on.
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await server.RunToolAsync("pg_ctl", ["start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(folder, "server.log"), "-o", options]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await RunToolAsync("pg_ctl", ["stop", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w"]);
        DeleteFolder();
    }

    // Process exit gives no chance to await: stop synchronously.
    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        using var process = Process.Start(Tool("pg_ctl", ["stop", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w"]));
        process?.WaitForExit(TimeSpan.FromSeconds(30));
        DeleteFolder();
    }

    private void DeleteFolder()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held is left for the OS to clean; no test depends on it.
        }
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var start = Tool(tool, arguments);
        return RunAsync(start.FileName, start.ArgumentList.ToList(), _folder);
    }

    private ProcessStartInfo Tool(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, tool);
        var start = new ProcessStartInfo(_asPostgresUser ? "runuser" : path) { WorkingDirectory = _folder };
        if (_asPostgresUser)
        {
            foreach (var prefix in new[] { "-u", SuperUser, "--", path })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(workingDirectory, "server.log");
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log) : string.Empty;
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}\n{serverLog}");
        }
    }

    private static string FindBinaries()
    {
        var preferred = Path.Combine(BinariesRoot, PreferredVersion, "bin");
        if (File.Exists(Path.Combine(preferred, "initdb")))
        {
            return preferred;
        }

        // Another Debian release ships another major version under the same package name.
        var other = Directory.Exists(BinariesRoot)
            ? Directory.GetDirectories(BinariesRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return other ?? throw new InvalidOperationException(
            $"PostgreSQL is not installed ({preferred}/initdb is missing): install Debian's postgresql package (apt-get install postgresql); ./test.sh installs it when run as root.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
