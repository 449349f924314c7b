using System.Globalization;
using System.Text;

namespace ServicePro.Bench.Shells;

/// <summary>What one run measured, as Markdown.</summary>
public sealed record BenchReport(
    string Commit,
    DateTimeOffset Started,
    int ShellsAsked,
    int ShellsOpened,
    int ShellsFailed,
    string? StopReason,
    int SettleSeconds,
    HostSnapshot Before,
    HostSockets Fresh,
    HostSnapshot After,
    ClosedShells Closed,
    long FreeMegabytesBefore,
    long FreeMegabytesAfter,
    Latencies? Messages,
    string LoadAverageEnd)
{
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(string text) => md.AppendLine(text);
        Line($"## Open shells and chat latency: {Commit}");
        Line("");
        Line(F($"Run {Started:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores; load average (1/5/15 min) {Before.LoadAverage} before the shells, {After.LoadAverage} with them open, {LoadAverageEnd} at the end. Host: published Release, Production, SQLite, the shipped modules.config."));
        Line("");
        Line(F($"### Server memory per open shell ({ShellsOpened} shells)"));
        Line("");
        if (StopReason is not null || ShellsFailed > 0)
        {
            Line(F($"**{ShellsOpened} of {ShellsAsked} shells opened**{(StopReason is null ? "" : "; " + StopReason)}{(ShellsFailed > 0 ? F($"; {ShellsFailed} did not come up") : "")}. Per-shell figures divide by {ShellsOpened}."));
            Line("");
        }

        Line(F($"| host process | no shells | {ShellsOpened} shells, just opened | {ShellsOpened} shells, after {SettleSeconds} s | per shell (after − before) / {ShellsOpened} |"));
        Line("| --- | ---: | ---: | ---: | ---: |");
        Line(F($"| resident set (VmRSS) | {Before.ResidentKilobytes:N0} KB | | {After.ResidentKilobytes:N0} KB | {PerShell(After.ResidentKilobytes - Before.ResidentKilobytes)} KB |"));
        Line(Before.ManagedHeapBytes is { } heapBefore && After.ManagedHeapBytes is { } heapAfter
            ? F($"| managed heap after a full GC | {heapBefore / 1024:N0} KB | | {heapAfter / 1024:N0} KB | {PerShell((heapAfter - heapBefore) / 1024)} KB |")
            : "| managed heap after a full GC | n/a | | n/a | the host reported no full collection over EventPipe |");
        Line(F($"| TCP sockets established | {Before.Sockets.Established} | {Fresh.Established} | {After.Sockets.Established} | {PerShell(After.Sockets.Established - Before.Sockets.Established)} |"));
        Line(F($"| … connections accepted from browsers | {Before.Sockets.FromOutside} | {Fresh.FromOutside} | {After.Sockets.FromOutside} | {PerShell(After.Sockets.FromOutside - Before.Sockets.FromOutside)} |"));
        Line(F($"| … connections from the host to itself (2 sockets each) | {Before.Sockets.ToItself} | {Fresh.ToItself} | {After.Sockets.ToItself} | {PerShell(After.Sockets.ToItself - Before.Sockets.ToItself)} |"));
        Line(F($"| machine's available memory | {FreeMegabytesBefore:N0} MB | | {FreeMegabytesAfter:N0} MB | |"));
        Line("");
        Line("Sockets are the host's own (its /proc/<pid>/fd and net/tcp): a connection from the host to its own port has both ends there. Browser connections are each page's Blazor WebSocket plus each context's idle HTTP keep-alive connections; the idle ones close after Kestrel's 130 s keep-alive timeout.");
        Line("");
        Line(Closed.Left.Established == 0
            ? F($"After the shells' pages navigated away and closed, the host held no connection {Closed.Elapsed.TotalSeconds:F0} s after closing began.")
            : F($"**{Closed.Elapsed.TotalSeconds:F0} s after the shells' pages began to navigate away and close, the host still held {Closed.Left.FromOutside} connections from browsers and {Closed.Left.ToItself} to itself.**"));
        Line("");
        if (Messages is { } m)
        {
            Line(F($"### Send in alice's browser → text in bob's (ms, {m.Count} messages)"));
            Line("");
            Line("| median | p90 | p99 | max | mean |");
            Line("| ---: | ---: | ---: | ---: | ---: |");
            Line(F($"| {m.Percentile(50):F1} | {m.Percentile(90):F1} | {m.Percentile(99):F1} | {m.Max:F1} | {m.Mean:F1} |"));
            Line("");
            Line(F($"Timed with alice's and bob's pages open and the shells closed, after {ChatLatency.WarmUpMessages} uncounted warm-up messages; Cyrillic, CJK, emoji and ASCII text in turn."));
        }

        return md.ToString();
    }

    private string PerShell(long difference) =>
        ShellsOpened == 0 ? "n/a" : ((double)difference / ShellsOpened).ToString("N1", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
