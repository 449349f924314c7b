namespace ServicePro.Host.Diagnostics;

/// <summary>The <c>Telemetry</c> settings: the Prometheus scrape endpoint and OTLP export (README, Operations).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public PrometheusOptions Prometheus { get; set; } = new();

    public OtlpOptions Otlp { get; set; } = new();
}
