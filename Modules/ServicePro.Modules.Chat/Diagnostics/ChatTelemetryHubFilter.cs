using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Diagnostics;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.Diagnostics;

/// <summary>
/// What the hub tells an operator: open connections, refusals by code, a span per call (the caller of the writer's
/// spans) and a log scope naming the module, the session and the request, so that every log line of the call carries
/// them. Sits inside <see cref="Hubs.ChatHubErrorFilter"/>, where a refusal is still a <see cref="ChatException"/>.
/// Never records an argument's text.
/// </summary>
public sealed class ChatTelemetryHubFilter(ChatMetrics metrics, ILogger<ChatTelemetryHubFilter> logger) : IHubFilter
{
    // A hub method's parameter names, read once per method (GetParameters copies an array on every call: every message).
    private static readonly ConcurrentDictionary<MethodInfo, string?[]> s_parameterNames = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var (sessionId, requestNumber) = Subject(invocationContext);
        using var scope = logger.BeginScope(Scope(sessionId, requestNumber));
        using var activity = ChatTracing.StartHubCall(invocationContext.HubMethodName);
        activity?.SetTag("chat.session.id", sessionId);
        activity?.SetTag("servicepro.request.number", requestNumber);
        try
        {
            return await next(invocationContext);
        }
        catch (ChatException refusal)
        {
            metrics.Refused(refusal.Code);
            activity?.SetStatus(ActivityStatusCode.Error, refusal.Code);
            throw;
        }
        catch (Exception fault)
        {
            activity?.SetStatus(ActivityStatusCode.Error, fault.GetType().Name);
            throw;
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        await next(context);
        metrics.HubConnected();
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context, exception);
        }
        finally
        {
            metrics.HubDisconnected();
        }
    }

    /// <summary>The scope of one chat operation: the module, and the session and request when known.</summary>
    public static ServiceProLogScope Scope(Guid? sessionId, int? requestNumber) => ServiceProLogScope.For(ChatConstants.ModuleId, sessionId, requestNumber);

    private static (Guid? SessionId, int? RequestNumber) Subject(HubInvocationContext context)
    {
        Guid? sessionId = null;
        int? requestNumber = null;
        var names = s_parameterNames.GetOrAdd(context.HubMethod, method => [.. method.GetParameters().Select(p => p.Name)]);
        for (var i = 0; i < names.Length && i < context.HubMethodArguments.Count; i++)
        {
            switch (context.HubMethodArguments[i])
            {
                case Guid id when names[i] == "sessionId":
                    sessionId = id;
                    break;
                case SendMessageRequest request:
                    sessionId = request.SessionId;
                    break;
                case int number when names[i] == "requestNumber":
                    requestNumber = number;
                    break;
            }
        }

        return (sessionId, requestNumber);
    }
}
