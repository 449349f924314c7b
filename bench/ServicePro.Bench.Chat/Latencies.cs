using System.Collections.Concurrent;

namespace ServicePro.Bench.Chat;

/// <summary>Latency samples in milliseconds, with nearest-rank percentiles.</summary>
public sealed class Latencies
{
    private readonly ConcurrentQueue<double> _samples = new();

    public int Count => _samples.Count;

    public void Add(double milliseconds) => _samples.Enqueue(milliseconds);

    public double Percentile(double p)
    {
        var sorted = _samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
