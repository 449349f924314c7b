using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Moq;
using OpenTelemetry;
using OpenTelemetry.Trace;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Diagnostics;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Diagnostics;
using ServicePro.Modules.Chat.Hubs;
using ServicePro.Modules.Chat.Tests.Support;

namespace ServicePro.Modules.Chat.Tests.Diagnostics;

/// <summary>
/// The spans an operator follows in a trace viewer, in process with OpenTelemetry's in-memory exporter and EF Core's
/// instrumentation: a hub call, its write, the writer's batch with the database commands, and the notifications, in
/// one trace; the outbox dispatch linked to the write that ended the session.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ChatTracingTests
{
    private const string EfSource = "OpenTelemetry.Instrumentation.EntityFrameworkCore";
    private readonly List<Activity> _spans = [];

    [TestMethod]
    public async Task SendMessage_FromTheHub_HubWriteBatchDatabaseAndNotifySpansInOneTrace()
    {
        await using var harness = await ChatHarness.StartAsync();
        var session = await harness.App.Start.HandleAsync(new ChatCaller("alice"), null);
        using var tracing = StartTracing();
        var notified = SpanStopped("chat.notify");

        var hub = HubFor(harness, "alice");
        await InvokeAsync(hub, nameof(ChatHub.SendMessage), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "Привет 世界 👋"));
        await notified.WaitAsync(TimeSpan.FromSeconds(10));
        tracing.ForceFlush();

        var call = Single("chat SendMessage");
        var write = Single("chat.write");
        var batch = Single("chat.batch");
        var notify = Single("chat.notify");
        Assert.AreEqual(call.SpanId, write.ParentSpanId, "the write is a child of the hub call");
        Assert.AreEqual(call.SpanId, batch.ParentSpanId, "a batch serving one caller is that caller's child");
        Assert.AreEqual(call.SpanId, notify.ParentSpanId, "the notifications continue the caller's trace");
        Assert.AreEqual(session.SessionId, call.GetTagItem("chat.session.id"));
        var database = _spans.Where(s => s.Source.Name == EfSource).ToList();
        // The batch reads its session and attendees up front through EF (one query each): database spans under it. On
        // SQLite it then stores the entry and the session's sequence with prepared statements of its own, which EF's
        // instrumentation does not see; the batch's span covers them.
        Assert.IsGreaterThanOrEqualTo(2, database.Count(s => s.ParentSpanId == batch.SpanId), "the batch's reads are database spans under it");
        Assert.IsTrue(_spans.Where(s => s.Source.Name != EfSource || s.ParentSpanId == write.SpanId || s.ParentSpanId == batch.SpanId)
            .All(s => s.TraceId == call.TraceId), "one trace");
        Assert.IsTrue(_spans.All(s => !(s.DisplayName + string.Join(' ', s.TagObjects.Select(t => t.Value))).Contains("Привет", StringComparison.Ordinal)), "no message text in any span");
    }

    [TestMethod]
    public async Task LeaveSession_OutboxDispatch_LinkedToTheWriteThatEndedIt()
    {
        await using var harness = await ChatHarness.StartAsync();
        var session = await harness.App.Start.HandleAsync(new ChatCaller("alice"), null);
        using var tracing = StartTracing();

        await InvokeAsync(HubFor(harness, "alice"), nameof(ChatHub.LeaveSession), session.SessionId);
        await harness.Outbox.DispatchPendingAsync(CancellationToken.None);
        tracing.ForceFlush();

        var dispatch = Single("chat.outbox.dispatch");
        var endingWrite = _spans.Single(s => s.DisplayName == "chat.write" && s.TraceId == Single("chat LeaveSession").TraceId);
        Assert.AreEqual(endingWrite.SpanId, dispatch.Links.Single().Context.SpanId, "the dispatch links to the write that ended the session");
        Assert.AreNotEqual(endingWrite.TraceId, dispatch.TraceId, "a trace of its own: it may run later, on another host");
        harness.Events.Verify(e => e.PublishAsync(It.Is<ChatSessionEndedEvent>(x => x.SessionId == session.SessionId), It.IsAny<CancellationToken>()));
    }

    private static ChatHub HubFor(ChatHarness harness, string userName)
    {
        var context = new Mock<HubCallerContext>();
        context.SetupGet(c => c.User).Returns(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, userName)], "test")));
        context.SetupGet(c => c.ConnectionAborted).Returns(CancellationToken.None);
        context.SetupGet(c => c.ConnectionId).Returns(userName + "-1");
        return new ChatHub(harness.App) { Context = context.Object };
    }

    /// <summary>Calls a hub method through the hub's telemetry filter, as SignalR does.</summary>
    private static async Task InvokeAsync(ChatHub hub, string method, params object?[] arguments)
    {
        var filter = new ChatTelemetryHubFilter(new ChatMetrics(new TestMeterFactory(), new Mock<IServiceProvider>().Object), Microsoft.Extensions.Logging.Abstractions.NullLogger<ChatTelemetryHubFilter>.Instance);
        var info = typeof(ChatHub).GetMethod(method)!;
        var invocation = new HubInvocationContext(hub.Context, new Mock<IServiceProvider>().Object, hub, info, arguments);
        await filter.InvokeMethodAsync(invocation, async c =>
        {
            var task = (Task)info.Invoke(hub, [.. c.HubMethodArguments])!;
            await task;
            return null;
        });
    }

    private TracerProvider StartTracing() => Sdk.CreateTracerProviderBuilder()
        .AddSource(ServiceProTelemetry.Prefix + "*")
        .AddEntityFrameworkCoreInstrumentation()
        .AddInMemoryExporter(_spans)
        .Build()!;

    private static Task SpanStopped(string name)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ChatMetrics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.DisplayName == name)
                {
                    stopped.TrySetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return stopped.Task.ContinueWith(_ => listener.Dispose(), TaskScheduler.Default);
    }

    private Activity Single(string name)
    {
        var found = _spans.Where(s => s.DisplayName == name).ToList();
        Assert.HasCount(1, found, $"{name} among: {string.Join(", ", _spans.Select(s => s.DisplayName))}");
        return found[0];
    }
}
