using System.Globalization;

namespace ServicePro.Bench.SignIn;

/// <summary>What one run measured: /health and chat acknowledgements with no load and during the sign-ins.</summary>
public sealed record LoadReport(
    Latencies HealthIdle,
    Latencies HealthLoaded,
    Latencies ChatIdle,
    Latencies ChatLoaded,
    Latencies SignIns,
    IReadOnlyDictionary<int, int> SignInStatuses,
    TimeSpan SignInWallTime)
{
    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",-22}{"samples",9}{"p50 ms",10}{"p99 ms",10}"));
        Row(output, "/health, no load", HealthIdle);
        Row(output, "/health, sign-ins", HealthLoaded);
        Row(output, "chat ack, no load", ChatIdle);
        Row(output, "chat ack, sign-ins", ChatLoaded);
        Row(output, "sign-in (each)", SignIns);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"/health ratio (sign-ins / no load): p50 x{Ratio(HealthLoaded, HealthIdle, 50)}, p99 x{Ratio(HealthLoaded, HealthIdle, 99)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chat ack ratio (sign-ins / no load): p50 x{Ratio(ChatLoaded, ChatIdle, 50)}, p99 x{Ratio(ChatLoaded, ChatIdle, 99)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sign-ins: {string.Join(", ", SignInStatuses.OrderBy(s => s.Key).Select(s => $"{s.Value} x {s.Key}"))}; all answered in {SignInWallTime.TotalSeconds:F1} s"));
    }

    private static void Row(TextWriter output, string name, Latencies latencies) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22}{latencies.Count,9}{latencies.Percentile(50),10:F1}{latencies.Percentile(99),10:F1}"));

    private static string Ratio(Latencies loaded, Latencies idle, double p) =>
        (loaded.Percentile(p) / idle.Percentile(p)).ToString("F1", CultureInfo.InvariantCulture);
}
