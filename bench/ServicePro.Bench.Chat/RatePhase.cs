using System.Collections.Concurrent;
using System.Diagnostics;

namespace ServicePro.Bench.Chat;

/// <summary>
/// What one measured step saw: acknowledgement and delivery latencies, counts, refusals by code, and the moment the
/// last acknowledgement and the last delivery came (for achieved rates under saturation).
/// </summary>
public sealed class RatePhase(int rate)
{
    private long _sent;
    private long _stored;
    private long _receipts;
    private long _lastAck;
    private long _lastReceipt;

    public int Rate => rate;

    public Latencies Acks { get; } = new();

    public Latencies Deliveries { get; } = new();

    public ConcurrentDictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

    public long Sent => Interlocked.Read(ref _sent);

    public long Stored => Interlocked.Read(ref _stored);

    public long Receipts => Interlocked.Read(ref _receipts);

    /// <summary>Stopwatch timestamp when sending in this step began.</summary>
    public long StartedAt { get; set; }

    /// <summary>How long sending lasted.</summary>
    public TimeSpan Window { get; set; }

    /// <summary>Server CPU seconds per process over the window.</summary>
    public IReadOnlyList<double?> CpuSeconds { get; set; } = [];

    /// <summary>Server resident memory per process at the end of the window, in KB.</summary>
    public IReadOnlyList<long?> ResidentKilobytes { get; set; } = [];

    /// <summary>Receipts still missing when the tool stopped waiting for them.</summary>
    public long Missing { get; set; }

    /// <summary>Sends neither stored nor refused: still open when the step's answers were counted.</summary>
    public long Unanswered => Math.Max(0, Sent - Stored - Errors.Sum(e => e.Value));

    public double StoredPerSecond => PerSecond(Stored, Interlocked.Read(ref _lastAck));

    /// <summary>Messages delivered per second: receipts ÷ (G − 1), over the time to the last receipt.</summary>
    public double DeliveredPerSecond(int groupSize) => PerSecond(Receipts / (double)(groupSize - 1), Interlocked.Read(ref _lastReceipt));

    public void OnSent() => Interlocked.Increment(ref _sent);

    public void OnAck(long sentAt)
    {
        var now = Stopwatch.GetTimestamp();
        Acks.Add(Stopwatch.GetElapsedTime(sentAt, now).TotalMilliseconds);
        Interlocked.Increment(ref _stored);
        Latest(ref _lastAck, now);
    }

    public void OnError(string code) => Errors.AddOrUpdate(code, 1, (_, n) => n + 1);

    public void OnReceipt(long sentAt)
    {
        var now = Stopwatch.GetTimestamp();
        Deliveries.Add(Stopwatch.GetElapsedTime(sentAt, now).TotalMilliseconds);
        Interlocked.Increment(ref _receipts);
        Latest(ref _lastReceipt, now);
    }

    private double PerSecond(double count, long last) =>
        last <= StartedAt ? 0 : count / Stopwatch.GetElapsedTime(StartedAt, last).TotalSeconds;

    private static void Latest(ref long field, long now)
    {
        var seen = Interlocked.Read(ref field);
        while (now > seen)
        {
            var before = Interlocked.CompareExchange(ref field, now, seen);
            if (before == seen)
            {
                return;
            }

            seen = before;
        }
    }
}
