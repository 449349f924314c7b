namespace ServicePro.Host.Diagnostics;

/// <summary><c>Telemetry:Otlp</c>: metrics, traces and logs pushed to an OpenTelemetry collector.</summary>
public sealed class OtlpOptions
{
    /// <summary>The collector, e.g. <c>http://otel-collector:4317</c>; nothing is exported while it is empty.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317, the default) or <c>http/protobuf</c> (port 4318).</summary>
    public string Protocol { get; set; } = "grpc";
}
