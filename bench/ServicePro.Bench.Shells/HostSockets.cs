using System.Globalization;

namespace ServicePro.Bench.Shells;

/// <summary>
/// The TCP connections a process holds, from its open file descriptors and /proc/net/tcp(6). A connection from the
/// host to its own port has both ends in the process: one socket towards the port (<see cref="ToItself"/>) and one
/// accepted on it, counted in <see cref="Accepted"/>.
/// </summary>
public sealed record HostSockets(int Established, int Accepted, int ToItself, int Listening)
{
    private const string StateEstablished = "01";
    private const string StateListen = "0A";

    /// <summary>Connections accepted from outside the process (browsers): accepted less the host's own.</summary>
    public int FromOutside => Accepted - ToItself;

    public static async Task<HostSockets> ReadAsync(int processId, int port)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
        {
            // "socket:[12345]"; a descriptor closed while enumerating has no target.
            var target = new FileInfo(fd).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target[8..^1]);
            }
        }

        int established = 0, accepted = 0, toItself = 0, listening = 0;
        foreach (var table in new[] { "tcp", "tcp6" })
        {
            foreach (var line in (await File.ReadAllLinesAsync($"/proc/{processId}/net/{table}")).Skip(1))
            {
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || !inodes.Contains(fields[9]))
                {
                    continue;
                }

                if (fields[3] == StateListen)
                {
                    listening++;
                }
                else if (fields[3] == StateEstablished)
                {
                    established++;
                    accepted += Port(fields[1]) == port ? 1 : 0;
                    toItself += Port(fields[2]) == port ? 1 : 0;
                }
            }
        }

        return new HostSockets(established, accepted, toItself, listening);
    }

    // "0100007F:1F90" → 8080
    private static int Port(string address) =>
        int.Parse(address[(address.IndexOf(':', StringComparison.Ordinal) + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
