using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ServicePro.Contracts.Modules;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.Tests.Support;

namespace ServicePro.Modules.Requests.Tests.Services;

[TestClass]
public sealed class PendingChatSessionRetrierTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [TestMethod]
    public async Task Interval_Passes_KeptSessionRecorded()
    {
        var time = new FakeTimeProvider();
        var events = new RecordingEvents();
        var pending = new PendingChatSessions();
        var session = ChatSessions.Ended(3, "alice", "bob");
        pending.Keep(session);
        var writer = new Mock<IChatActivityWriter>();
        writer.Setup(w => w.AppendAsync(session, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = events.Subscribe<RequestActivityAddedEvent>((_, _) =>
        {
            recorded.TrySetResult();
            return Task.CompletedTask;
        });
        var recorder = new ChatSessionRecorder(writer.Object, pending, events, Support.Services.FastRetries(), time, NullLogger<ChatSessionRecorder>.Instance);
        using var retrier = new PendingChatSessionRetrier(recorder, pending, new ServiceCollection().BuildServiceProvider(),
            Options.Create(new RequestsOptions { PendingRetryInterval = Interval }), time, NullLogger<PendingChatSessionRetrier>.Instance);

        await retrier.StartAsync(default);
        time.Advance(Interval);
        await recorded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await retrier.StopAsync(default);

        Assert.AreEqual(0, pending.Count);
    }

    [TestMethod]
    public async Task ModuleDisabled_NothingRetried()
    {
        var time = new FakeTimeProvider();
        var pending = new PendingChatSessions();
        pending.Keep(ChatSessions.Ended(3, "alice", "bob"));
        var writer = new Mock<IChatActivityWriter>(MockBehavior.Strict);
        var status = new Mock<IModuleStatus>();
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        status.Setup(s => s.IsEnabled(RequestsConstants.ModuleId)).Returns(() =>
        {
            asked.TrySetResult();
            return false;
        });
        var services = new ServiceCollection().AddSingleton(status.Object).BuildServiceProvider();
        var recorder = new ChatSessionRecorder(writer.Object, pending, new RecordingEvents(), Support.Services.FastRetries(), time, NullLogger<ChatSessionRecorder>.Instance);
        using var retrier = new PendingChatSessionRetrier(recorder, pending, services,
            Options.Create(new RequestsOptions { PendingRetryInterval = Interval }), time, NullLogger<PendingChatSessionRetrier>.Instance);

        await retrier.StartAsync(default);
        time.Advance(Interval);
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await retrier.StopAsync(default);

        Assert.AreEqual(1, pending.Count, "kept for when the module is enabled again");
    }
}
