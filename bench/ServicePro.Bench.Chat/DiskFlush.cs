using System.Diagnostics;

namespace ServicePro.Bench.Chat;

/// <summary>
/// The disk's own floor under a durable write, measured in the same run: a 4 KB append and a flush to disk (fsync), 250
/// a second, in the temporary folder where the started hosts keep their SQLite file. SQLite's commit does this for every
/// batch (`synchronous=FULL`), and the chat acknowledges a message only after its batch is committed, so at a low rate
/// (one message per batch) the chat's delivery p99 cannot be lower than this p99 — whatever the bare hub's is.
/// </summary>
public static class DiskFlush
{
    public const int Samples = 1000;

    public static async Task<Latencies> MeasureAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"servicepro-bench-flush-{Guid.NewGuid():N}.bin");
        var block = new byte[4096];
        var latencies = new Latencies();
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(4));
            for (var i = 0; i < Samples && await pace.WaitForNextTickAsync(cancellationToken); i++)
            {
                await file.WriteAsync(block, cancellationToken);
                var start = Stopwatch.GetTimestamp();
                file.Flush(flushToDisk: true);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        finally
        {
            File.Delete(path);
        }

        return latencies;
    }
}
