namespace ServicePro.Host.Cluster;

/// <summary>The <c>Redis</c> settings: set <see cref="Configuration"/> to run several hosts behind a load balancer.</summary>
public sealed class RedisSettings
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>127.0.0.1:6379</c>); absent or empty: one host, no Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>Starts every channel and key, so that two deployments can share one Redis.</summary>
    public string ChannelPrefix { get; set; } = "ServicePro";

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
