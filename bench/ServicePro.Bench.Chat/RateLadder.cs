using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ServicePro.Bench.Chat;

/// <summary>
/// Runs the ladder of rates on a fleet, open loop: each step sends at its rate for the warm-up and then the measured
/// seconds, the reps taking turns, whether or not earlier sends were answered (so a saturated server shows as growing
/// latency, not as a slower tool). Each text carries its step, its send time and its sender, so that every receipt is
/// timed against its own send; priming and warm-up texts are not counted.
/// </summary>
public sealed partial class RateLadder(ChatBenchOptions options)
{
    /// <summary>How long the tool waits, after sending stopped, for the last acknowledgements and receipts.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    private static readonly string[] Texts = ["Привет, как дела?", "你好，请稍等一下", "On it 👋🚀", "Printer on floor 3 is down again"];

    private readonly RatePhase[] _phases = options.Rates.Select(r => new RatePhase(r)).ToArray();

    /// <summary>The rep who sends next: the reps take turns across the priming and every step.</summary>
    private int _next;

    /// <summary>A text reached rep <paramref name="receiver"/>; the fleets call this from SignalR's threads.</summary>
    public void OnDelivered(int receiver, string text)
    {
        var parts = text.Split('|', 4);
        if (parts.Length == 4
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sentAt)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sender)
            && step > 0 && sender != receiver)
        {
            _phases[step - 1].OnReceipt(sentAt);
        }
    }

    public async Task<IReadOnlyList<RatePhase>> RunAsync(RelayFleet fleet, IReadOnlyList<ProcessGauge?> servers, string name, TextWriter log)
    {
        if (options.PrimeSeconds > 0)
        {
            // Not measured: JIT, the thread pool and caches settle at a rate both hubs hold before the first step, so
            // that no measured step catches a hub warming up.
            await log.WriteLineAsync($"{name}: priming at {options.PrimeRate} msgs/s for {options.PrimeSeconds} s (not measured)…");
            var (primed, _) = await SendForAsync(fleet, options.PrimeRate, options.PrimeSeconds, measureFrom: null, step: 0, phase: null, servers);
            await WaitForAsync(primed, log);
        }

        for (var step = 1; step <= _phases.Length; step++)
        {
            var phase = _phases[step - 1];
            // Without priming the first step warms up three times as long: JIT and caches settle after connecting.
            var warmup = step == 1 && options.PrimeSeconds == 0 ? 3 * options.Warmup : options.Warmup;
            await log.WriteLineAsync($"{name}: {phase.Rate} msgs/s for {warmup} + {options.Seconds} s…");
            var (sends, cpuBefore) = await SendForAsync(fleet, phase.Rate, warmup + options.Seconds, measureFrom: warmup, step, phase, servers);
            phase.Window = Stopwatch.GetElapsedTime(phase.StartedAt);
            var cpuAfter = await CpuAsync(servers);
            phase.CpuSeconds = cpuAfter.Select((c, i) => servers[i] is null ? (double?)null : c - cpuBefore[i]).ToArray();
            phase.ResidentKilobytes = await ResidentAsync(servers);
            await WaitForAsync(sends, log);
            await WaitForReceiptsAsync(phase, fleet.GroupSize);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  stored {phase.Stored} of {phase.Sent}, receipts {phase.Receipts}, missing {phase.Missing}, errors {phase.Errors.Sum(e => e.Value)}; ack p99 {phase.Acks.Percentile(99):F0} ms, delivery p99 {phase.Deliveries.Percentile(99):F0} ms"));
        }

        return _phases;
    }

    /// <summary>
    /// Sends at <paramref name="rate"/> for <paramref name="seconds"/>, open loop; from <paramref name="measureFrom"/>
    /// seconds on (never when null) the texts count for <paramref name="phase"/>, whose start and the servers' CPU
    /// are then read. Returns every send, and that CPU.
    /// </summary>
    private async Task<(Task Sends, double[] CpuBefore)> SendForAsync(
        RelayFleet fleet, int rate, double seconds, double? measureFrom, int step, RatePhase? phase, IReadOnlyList<ProcessGauge?> servers)
    {
        var sends = new List<Task>();
        var began = Stopwatch.GetTimestamp();
        var measuring = false;
        long sent = 0;
        double[] cpuBefore = [];
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        while (Stopwatch.GetElapsedTime(began).TotalSeconds is var elapsed && elapsed < seconds)
        {
            if (!measuring && elapsed >= measureFrom)
            {
                measuring = true;
                phase!.StartedAt = Stopwatch.GetTimestamp();
                cpuBefore = await CpuAsync(servers);
            }

            for (var due = (long)(elapsed * rate); sent < due; sent++)
            {
                sends.Add(SendAsync(fleet, _next, measuring ? step : 0, measuring ? phase : null));
                _next = (_next + 1) % fleet.Reps;
            }

            await timer.WaitForNextTickAsync();
        }

        return (Task.WhenAll(sends), cpuBefore);
    }

    private static async Task SendAsync(RelayFleet fleet, int rep, int step, RatePhase? phase)
    {
        var sentAt = Stopwatch.GetTimestamp();
        phase?.OnSent();
        try
        {
            await fleet.SendAsync(rep, string.Create(CultureInfo.InvariantCulture, $"{step}|{sentAt}|{rep}|{Texts[rep % Texts.Length]}"));
            phase?.OnAck(sentAt);
        }
        catch (Exception e)
        {
            phase?.OnError(ErrorCode(e));
        }
    }

    /// <summary>The hub's refusal code (<c>CHAT_BUSY</c>…) from its message, or the exception's type.</summary>
    private static string ErrorCode(Exception e) => CodePattern().Match(e.Message) is { Success: true } code ? code.Value : e.GetType().Name;

    /// <summary>Every acknowledged message reaches G − 1 others; waits until they have, or until no receipt came for a while.</summary>
    private static async Task WaitForReceiptsAsync(RatePhase phase, int groupSize)
    {
        var expected = phase.Stored * (groupSize - 1);
        var last = phase.Receipts;
        var quietSince = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (phase.Receipts < expected && Stopwatch.GetElapsedTime(quietSince) < TimeSpan.FromSeconds(10))
        {
            await timer.WaitForNextTickAsync();
            if (phase.Receipts != last)
            {
                last = phase.Receipts;
                quietSince = Stopwatch.GetTimestamp();
            }
        }

        phase.Missing = Math.Max(0, expected - phase.Receipts);
    }

    private static async Task WaitForAsync(Task sends, TextWriter log)
    {
        try
        {
            await sends.WaitAsync(Drain);
        }
        catch (TimeoutException)
        {
            await log.WriteLineAsync($"  some sends were still unanswered {Drain.TotalSeconds:F0} s after sending stopped");
        }
    }

    private static async Task<double[]> CpuAsync(IReadOnlyList<ProcessGauge?> servers)
    {
        var cpu = new double[servers.Count];
        for (var i = 0; i < servers.Count; i++)
        {
            cpu[i] = servers[i] is { } gauge ? await gauge.CpuSecondsAsync() : 0;
        }

        return cpu;
    }

    private static async Task<long?[]> ResidentAsync(IReadOnlyList<ProcessGauge?> servers)
    {
        var rss = new long?[servers.Count];
        for (var i = 0; i < servers.Count; i++)
        {
            rss[i] = servers[i] is { } gauge ? await gauge.ResidentKilobytesAsync() : null;
        }

        return rss;
    }

    [GeneratedRegex("CHAT_[A-Z_]+")]
    private static partial Regex CodePattern();
}
