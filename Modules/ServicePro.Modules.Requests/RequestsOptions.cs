namespace ServicePro.Modules.Requests;

/// <summary>The module's settings, <c>Modules:requests</c> in the host's configuration.</summary>
public sealed class RequestsOptions
{
    /// <summary>How often a chat session is retried at once (Polly) before it is kept for later.</summary>
    public int ChatRetryAttempts { get; set; } = 3;

    /// <summary>The first delay between those retries; it doubles each time.</summary>
    public TimeSpan ChatRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often chat sessions that could not be recorded are tried again.</summary>
    public TimeSpan PendingRetryInterval { get; set; } = TimeSpan.FromSeconds(30);
}
