using System.Diagnostics;
using ServicePro.Testing;

namespace ServicePro.Bench.Chat;

/// <summary>What a report says about where it ran: the commit and the machine's load.</summary>
public static class RunInfo
{
    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static async Task<string> LoadAverageAsync() =>
        string.Join(" ", (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3));

    /// <summary>HEAD of this repository, with "+ local changes" when the work tree differs from it.</summary>
    public static async Task<string> CommitAsync()
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

        using var git = Process.Start(start) ?? throw new InvalidOperationException("git did not start.");
        var output = await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync();
        return output;
    }
}
