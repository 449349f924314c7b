using System.Globalization;
using System.Text;

namespace ServicePro.Bench.Chat;

/// <summary>A run as Markdown: the table of issue 11 (chat against the bare hub, rate by rate), then each hub in detail.</summary>
public sealed record ChatBenchReport(
    ChatBenchOptions Options,
    string Commit,
    DateTimeOffset Started,
    string Hosts,
    TimeSpan SignInTime,
    FleetRun Bare,
    FleetRun Chat,
    string LoadBefore,
    string LoadAfter)
{
    /// <summary>The disk's flush latency measured just before the chat's ladder (<see cref="DiskFlush"/>), if it was.</summary>
    public Latencies? FlushBefore { get; init; }

    /// <summary>The same, just after it.</summary>
    public Latencies? FlushAfter { get; init; }

    /// <summary>The unmeasured priming before each hub's first step, as the report's run line names it.</summary>
    private string Priming => Options.PrimeSeconds == 0
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"each hub primed at {Options.PrimeRate:N0} msgs/s for {Options.PrimeSeconds} s (not measured), then ");

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        var g = Options.Group;
        Line($"## Chat load: {Commit}");
        Line($"");
        Line($"Run {Started:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores (load average {LoadBefore} before, {LoadAfter} after; the tool's clients share the cores). {Options.Reps} reps over WebSockets in sessions of {g}; {Priming}each rate for {Options.Seconds} s after {Options.Warmup} s of warm-up{(Options.PrimeSeconds == 0 ? $" (the first after {3 * Options.Warmup} s)" : "")}, open loop, the reps taking turns. Chat: {Hosts}. Bare: the tool's own relay hub (SignalR, server GC, no storage, no auth), same reps and groups. {Options.Reps} sign-ins took {SignInTime.TotalSeconds:F1} s.");
        Line($"");
        Line($"| msgs/s | bare p99 | chat ack p50 / p99 | chat delivery p50 / p99 | chat ÷ bare (delivery p99) | chat stored / delivered per s | chat errors | host CPU | host memory | CPU per msg chat / bare |");
        Line($"| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
        for (var i = 0; i < Chat.Phases.Count; i++)
        {
            var chat = Chat.Phases[i];
            var bare = Bare.Phases[i];
            Line($"| {chat.Rate:N0} | {Ms(bare.Deliveries.Percentile(99))} | {Ms(chat.Acks.Percentile(50))} / {Ms(chat.Acks.Percentile(99))} | {Ms(chat.Deliveries.Percentile(50))} / {Ms(chat.Deliveries.Percentile(99))} | {Ratio(chat.Deliveries.Percentile(99), bare.Deliveries.Percentile(99))} | {chat.StoredPerSecond:N0} / {chat.DeliveredPerSecond(g):N0} | {Errors(chat)} | {Cpu(chat)} | {Memory(chat)} | {CpuPerMessage(chat)} / {CpuPerMessage(bare)} |");
        }

        Line($"");
        Line($"Ack: SendMessage (bare: Send) until its answer. Delivery: send until each other attendee has the message (the sender's own echo is not counted). Delivered per s: receipts ÷ {g - 1}. Errors: refusals by code, \"unanswered\" still open {60} s after sending stopped, \"missing\" receipts for acknowledged messages that never came. Host CPU: % of one core over the measured seconds ({Environment.ProcessorCount * 100} % is the whole machine); memory: resident set at the end of the step; several hosts are listed one by one.");
        Line($"");
        md.AppendLine(LadderCeiling.Describe(Chat.Phases, Bare.Phases));
        Line($"");
        Line($"| bare hub, msgs/s | ack p50 / p99 | delivery p50 / p99 | delivered per s | errors | CPU | memory |");
        Line($"| ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        foreach (var bare in Bare.Phases)
        {
            Line($"| {bare.Rate:N0} | {Ms(bare.Acks.Percentile(50))} / {Ms(bare.Acks.Percentile(99))} | {Ms(bare.Deliveries.Percentile(50))} / {Ms(bare.Deliveries.Percentile(99))} | {bare.DeliveredPerSecond(g):N0} | {Errors(bare)} | {Cpu(bare)} | {Memory(bare)} |");
        }

        Line($"");
        Line($"| {Options.Reps} connections | chat | bare | chat ÷ bare |");
        Line($"| --- | ---: | ---: | ---: |");
        Line($"| time to connect all (50 at a time) | {Chat.ConnectTime.TotalSeconds:F1} s | {Bare.ConnectTime.TotalSeconds:F1} s | {Ratio(Chat.ConnectTime.TotalMilliseconds, Bare.ConnectTime.TotalMilliseconds)} |");
        Line($"| server memory per connection (resident set after − before connecting ÷ reps) | {Chat.KilobytesPerConnection:N0} KB | {Bare.KilobytesPerConnection:N0} KB | {Ratio(Chat.KilobytesPerConnection, Bare.KilobytesPerConnection)} |");
        if (FlushBefore is { } before && FlushAfter is { } after)
        {
            Line($"");
            Line($"The disk's floor under a durable write, same run ({DiskFlush.Samples:N0} appends of 4 KB each flushed to disk, 250 a second, in the temporary folder that holds the host's SQLite file): p50 / p99 {Ms(before.Percentile(50))} / {Ms(before.Percentile(99))} just before the chat's ladder, {Ms(after.Percentile(50))} / {Ms(after.Percentile(99))} just after. Every acknowledged chat batch waits for one such flush; the bare hub waits for none.");
        }

        return md.ToString();
    }

    private static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms < 10 ? ms.ToString("F1", CultureInfo.InvariantCulture) + " ms" : ms.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static string Ratio(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || b <= 0 ? "–" : (a / b).ToString("F1", CultureInfo.InvariantCulture) + "×";

    private static string Errors(RatePhase phase)
    {
        var parts = phase.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Value:N0} {e.Key}").ToList();
        if (phase.Unanswered > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{phase.Unanswered:N0} unanswered"));
        }

        if (phase.Missing > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{phase.Missing:N0} missing"));
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    private static string Cpu(RatePhase phase) => phase.CpuSeconds.All(c => c is null)
        ? "n/a"
        : string.Join(" + ", phase.CpuSeconds.Select(c => c is { } s ? (s / phase.Window.TotalSeconds * 100).ToString("F0", CultureInfo.InvariantCulture) : "?")) + " %";

    private static string Memory(RatePhase phase) => phase.ResidentKilobytes.All(m => m is null)
        ? "n/a"
        : string.Join(" + ", phase.ResidentKilobytes.Select(m => m is { } kb ? (kb / 1024).ToString("N0", CultureInfo.InvariantCulture) : "?")) + " MB";

    /// <summary>Server CPU milliseconds (all servers) per message sent in the measured seconds.</summary>
    private static string CpuPerMessage(RatePhase phase) => phase.Sent == 0 || phase.CpuSeconds.All(c => c is null)
        ? "n/a"
        : (phase.CpuSeconds.Sum(c => c ?? 0) * 1000 / phase.Sent).ToString("F2", CultureInfo.InvariantCulture) + " ms";
}
