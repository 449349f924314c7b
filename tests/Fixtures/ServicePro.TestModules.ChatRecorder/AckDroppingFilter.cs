using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ServicePro.TestModules.ChatRecorder;

/// <summary>
/// Loses the reply to one call of one hub method (the first, or call number <paramref name="call"/>): the call runs (its effect is stored), then the caller's
/// connection is aborted before the result is written, as a network drop right after the server's commit would.
/// </summary>
public sealed class AckDroppingFilter(string method, int call, ILogger<AckDroppingFilter> logger) : IHubFilter
{
    private int _calls;

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(invocationContext);
        if (invocationContext.HubMethodName == method && Interlocked.Increment(ref _calls) == call)
        {
            // An aborted connection writes nothing more, so the completion of this call never reaches the client.
            invocationContext.Context.Abort();
            logger.LogInformation("Chat recorder dropped the reply to {Method}", method);
        }

        return result;
    }
}
