using System.Globalization;

namespace ServicePro.Bench.Chat;

/// <summary>A server process as /proc shows it: CPU time used (user + system) and resident memory.</summary>
public sealed record ProcessGauge(int ProcessId)
{
    // USER_HZ: the unit of utime and stime in /proc/<pid>/stat; 100 on every Linux the tool runs on.
    private const double TicksPerSecond = 100;

    /// <summary>CPU seconds used so far (user and system, all threads).</summary>
    public async Task<double> CpuSecondsAsync()
    {
        var stat = await File.ReadAllTextAsync($"/proc/{ProcessId}/stat");

        // "pid (comm) state ppid …": the command may hold spaces, so fields are counted after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>The resident set (VmRSS) in kilobytes.</summary>
    public async Task<long> ResidentKilobytesAsync()
    {
        foreach (var line in await File.ReadAllLinesAsync($"/proc/{ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{ProcessId}/status has no VmRSS line.");
    }

    /// <summary>The process listening on a loopback TCP port (a host the tool did not start), or null if none is readable.</summary>
    public static async Task<ProcessGauge?> ListeningOnAsync(int port)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in (await File.ReadAllLinesAsync(table)).Skip(1))
            {
                // sl local_address rem_address st … inode; 0A is LISTEN.
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == "0A" && fields[1].EndsWith(":" + port.ToString("X4", CultureInfo.InvariantCulture), StringComparison.Ordinal))
                {
                    inodes.Add(fields[9]);
                }
            }
        }

        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target[8..^1]))
                    {
                        return new ProcessGauge(pid);
                    }
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // Another user's process, or one that ended meanwhile.
            }
        }

        return null;
    }
}
