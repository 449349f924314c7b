using System.Diagnostics;

namespace ServicePro.Modules.Chat.Diagnostics;

/// <summary>
/// Chat's spans (activity source <c>ServicePro.Chat</c>). A hub call's span (<see cref="ChatTelemetryHubFilter"/>) is the
/// caller; the writer serves many callers in one batch, so each write gets a span of its own in its caller's trace
/// (<c>chat.write</c>: the write's reads and locks), and so do the notifications it sends after the commit
/// (<c>chat.notify</c>). The batch's span (<c>chat.batch</c>: the shared insert and the commit) is a child of its caller
/// when it serves one, and otherwise a root linked to every caller's span. The outbox dispatch (<c>chat.outbox.dispatch</c>)
/// is a trace of its own, linked to the write that ended the session.
/// </summary>
public static class ChatTracing
{
    public static ActivitySource Source { get; } = new(ChatMetrics.Name);

    /// <summary>The span of one hub call, around the application handler.</summary>
    public static Activity? StartHubCall(string method) => Source.StartActivity($"chat {method}");

    public static Activity? StartBatch(IReadOnlyCollection<ActivityContext> callers)
    {
        var traced = callers.Where(c => c != default).ToList();
        var activity = traced.Count == 1
            ? Source.StartActivity("chat.batch", ActivityKind.Internal, traced[0])
            : Source.StartActivity("chat.batch", ActivityKind.Internal, parentContext: default, links: traced.Select(c => new ActivityLink(c)));
        activity?.SetTag("chat.batch.size", callers.Count);
        return activity;
    }

    public static Activity? StartWrite(ActivityContext caller) =>
        caller == default ? null : Source.StartActivity("chat.write", ActivityKind.Internal, caller);

    /// <summary>An after-commit action that runs in a <c>chat.notify</c> span of its caller's trace.</summary>
    public static Func<Task> Traced(ActivityContext caller, Func<Task> action) => caller == default ? action : async () =>
    {
        using var activity = Source.StartActivity("chat.notify", ActivityKind.Internal, caller);
        await action();
    };

    /// <summary>The current span as a W3C traceparent (55 characters), or <c>null</c> when nothing is traced.</summary>
    public static string? CurrentTraceParent() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>The dispatch of a chat-ended event, linked to the span that stored it (W3C traceparent, when traced).</summary>
    public static Activity? StartOutboxDispatch(string? traceParent, Guid sessionId)
    {
        var links = ActivityContext.TryParse(traceParent, null, out var ended) ? [new ActivityLink(ended)] : Array.Empty<ActivityLink>();
        var activity = Source.StartActivity("chat.outbox.dispatch", ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag("chat.session.id", sessionId);
        return activity;
    }
}
