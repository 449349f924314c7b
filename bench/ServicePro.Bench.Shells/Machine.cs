using System.Globalization;

namespace ServicePro.Bench.Shells;

/// <summary>What the machine has left: load average and available memory, from /proc.</summary>
public static class Machine
{
    /// <summary>The 1, 5 and 15 minute load averages as /proc/loadavg writes them.</summary>
    public static async Task<string> LoadAverageAsync()
    {
        var fields = (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ');
        return string.Join(" ", fields.Take(3));
    }

    /// <summary>MemAvailable in megabytes.</summary>
    public static async Task<long> AvailableMegabytesAsync()
    {
        foreach (var line in await File.ReadAllLinesAsync("/proc/meminfo"))
        {
            if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                return Kilobytes(line) / 1024;
            }
        }

        throw new InvalidOperationException("/proc/meminfo has no MemAvailable line.");
    }

    /// <summary>A process's resident set (VmRSS) in kilobytes.</summary>
    public static async Task<long> ResidentKilobytesAsync(int processId)
    {
        foreach (var line in await File.ReadAllLinesAsync($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return Kilobytes(line);
            }
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no VmRSS line.");
    }

    // "VmRSS:   123456 kB"
    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
