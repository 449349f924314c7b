namespace ServicePro.Host.Data;

/// <summary>A named lease: which host process holds it and until when (see <see cref="Cluster.LeasesInDatabase"/>).</summary>
public sealed class HostLeaseRecord
{
    public required string Name { get; set; }

    /// <summary>The holding host process's id.</summary>
    public required string Holder { get; set; }

    /// <summary>
    /// When the lease ends unless renewed, in milliseconds since 1970-01-01 UTC: a plain integer compares the same way
    /// on every provider (SQLite keeps dates as text).
    /// </summary>
    public long ExpiresAt { get; set; }
}
