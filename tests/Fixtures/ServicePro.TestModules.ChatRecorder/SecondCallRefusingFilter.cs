using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ServicePro.TestModules.ChatRecorder;

/// <summary>
/// Refuses the second call of one hub method with a <see cref="HubException"/> and leaves the connection up, as a host
/// that accepted a reconnect but could not yet answer would: the first call (a client's initial start) goes through.
/// </summary>
public sealed class SecondCallRefusingFilter(string method, ILogger<SecondCallRefusingFilter> logger) : IHubFilter
{
    private int _calls;

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (invocationContext.HubMethodName == method && Interlocked.Increment(ref _calls) == 2)
        {
            logger.LogInformation("Chat recorder refused the second call of {Method}", method);
            throw new HubException($"The chat recorder refused the second call of {method}.");
        }

        return next(invocationContext);
    }
}
