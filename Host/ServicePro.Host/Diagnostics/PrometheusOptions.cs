namespace ServicePro.Host.Diagnostics;

/// <summary><c>Telemetry:Prometheus</c>: the metrics in Prometheus' text format at <see cref="Path"/>.</summary>
public sealed class PrometheusOptions
{
    public const string Path = "/metrics";

    /// <summary>Off by default: an operator turns it on where a scraper runs.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Networks (CIDR, comma-separated) whose callers may scrape without signing in; anyone else needs the Administrator
    /// role (cookie or bearer token). Loopback by default, for a scraper or sidecar on the same machine; empty for none.
    /// </summary>
    public string AllowedNetworks { get; set; } = "127.0.0.0/8, ::1/128";
}
