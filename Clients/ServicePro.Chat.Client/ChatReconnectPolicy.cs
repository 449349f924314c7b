using System.Net;
using Microsoft.AspNetCore.SignalR.Client;

namespace ServicePro.Chat.Client;

/// <summary>
/// SignalR's automatic reconnect for the chat client: exponential back-off with jitter, for as long as it takes, except
/// after a refused sign-in (401/403), where trying the same token again cannot help. Then SignalR closes the connection
/// and the client starts it again itself, which asks the token provider afresh.
/// </summary>
internal sealed class ChatReconnectPolicy(TimeSpan firstDelay, TimeSpan maxDelay) : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext)
    {
        ArgumentNullException.ThrowIfNull(retryContext);
        return IsRefusal(retryContext.RetryReason) ? null : Delay(retryContext.PreviousRetryCount);
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: doubling from the first delay up to the cap, each
    /// between half and all of that (so that many clients dropped at once do not come back at once).</summary>
    public TimeSpan Delay(long attempt)
    {
        var ceiling = firstDelay * Math.Pow(2, Math.Min(attempt, 30));
        var capped = ceiling < maxDelay ? ceiling : maxDelay;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    /// <summary>The hub (or the token provider's sign-in) refused who the client is: retrying as is cannot succeed.</summary>
    public static bool IsRefusal(Exception? exception) =>
        exception is HttpRequestException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden };
}
