using System.Diagnostics;
using ServicePro.Testing;

namespace ServicePro.Bench.Shells;

/// <summary>
/// The host measured: a published Release folder (given, or published now from this repository into a temporary
/// folder), started in Production on its own shipped modules.config with a temporary data folder and the demo accounts.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    /// <summary>Written into a folder this tool publishes, so that a later run with --host-dir can name the commit.</summary>
    public const string CommitFile = "bench-commit.txt";

    private readonly string? _ownedDirectory;

    private BenchHost(HostProcess process, string directory, string commit, string? ownedDirectory)
    {
        Process = process;
        Directory = directory;
        Commit = commit;
        _ownedDirectory = ownedDirectory;
    }

    public HostProcess Process { get; }

    public string Directory { get; }

    /// <summary>The commit the host was published from, as far as known.</summary>
    public string Commit { get; }

    public static async Task<BenchHost> StartAsync(string? hostDirectory, TextWriter log)
    {
        string? owned = null;
        string commit;
        if (hostDirectory is null)
        {
            owned = System.IO.Directory.CreateTempSubdirectory("servicepro-bench-shells-").FullName;
            hostDirectory = owned;
            commit = await GitCommitAsync();
            await log.WriteLineAsync($"Publishing the host (Release) at {commit} into {owned}…");
            await HostPublisher.PublishAsync(owned, CancellationToken.None);
            await File.WriteAllTextAsync(Path.Combine(owned, CommitFile), commit);
        }
        else
        {
            var file = Path.Combine(hostDirectory, CommitFile);
            commit = File.Exists(file) ? (await File.ReadAllTextAsync(file)).Trim() : $"unknown (published folder {hostDirectory})";
        }

        var options = new HostStartOptions { Environment = "Production", HostDirectory = hostDirectory, ShippedModules = true };
        var process = await HostProcess.StartAsync(options);
        return new BenchHost(process, hostDirectory, commit, owned);
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        if (_ownedDirectory is not null)
        {
            System.IO.Directory.Delete(_ownedDirectory, recursive: true);
        }
    }

    /// <summary>HEAD of this repository, with "+ local changes" when the work tree differs from it.</summary>
    private static async Task<string> GitCommitAsync()
    {
        var head = (await GitAsync("log", "-1", "--format=%h %s")).Trim();
        var dirty = (await GitAsync("status", "--porcelain", "--untracked-files=no")).Length > 0;
        return dirty ? head + " (+ local changes)" : head;
    }

    private static async Task<string> GitAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = TestPaths.RepositoryRoot, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("git did not start.");
        var output = await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync();
        return output;
    }
}
