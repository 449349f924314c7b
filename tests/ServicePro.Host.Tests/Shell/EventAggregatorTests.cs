using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;
using ServicePro.Host.Shell;

namespace ServicePro.Host.Tests.Shell;

[TestClass]
public sealed class EventAggregatorTests
{
    private readonly Mock<IModuleStatus> _modules = new();
    private readonly ServiceCollection _services = new();

    public sealed record SomethingHappenedEvent(string What);

    public sealed class RecordingHandler(List<string> log) : IEventHandler<SomethingHappenedEvent>
    {
        public Task HandleAsync(SomethingHappenedEvent @event, CancellationToken cancellationToken)
        {
            log.Add($"handler:{@event.What}");
            return Task.CompletedTask;
        }
    }

    public sealed class FailingHandler : IEventHandler<SomethingHappenedEvent>
    {
        public Task HandleAsync(SomethingHappenedEvent @event, CancellationToken cancellationToken) => throw new InvalidOperationException("disk full");
    }

    [TestInitialize]
    public void ActiveByDefault() => _modules.Setup(m => m.IsActive(It.IsAny<Type>())).Returns(true);

    [TestMethod]
    public async Task PublishAsync_RunsRegisteredHandlersAndSubscribers()
    {
        var log = new List<string>();
        _services.AddSingleton(log).AddEventHandler<SomethingHappenedEvent, RecordingHandler>();
        var aggregator = Create();
        using var subscription = aggregator.Subscribe<SomethingHappenedEvent>((e, _) =>
        {
            log.Add($"subscriber:{e.What}");
            return Task.CompletedTask;
        });

        await aggregator.PublishAsync(new SomethingHappenedEvent("chat ended"));

        CollectionAssert.AreEqual(new[] { "handler:chat ended", "subscriber:chat ended" }, log);
    }

    [TestMethod]
    public async Task PublishAsync_HandlerOfDisabledModule_IsSkipped()
    {
        var log = new List<string>();
        _services.AddSingleton(log).AddEventHandler<SomethingHappenedEvent, RecordingHandler>();
        _modules.Setup(m => m.IsActive(typeof(RecordingHandler))).Returns(false);

        await Create().PublishAsync(new SomethingHappenedEvent("x"));

        Assert.IsEmpty(log);
    }

    [TestMethod]
    public async Task PublishAsync_OneHandlerFails_OthersStillRunThenFailureIsThrown()
    {
        var log = new List<string>();
        _services.AddSingleton(log)
            .AddEventHandler<SomethingHappenedEvent, FailingHandler>()
            .AddEventHandler<SomethingHappenedEvent, RecordingHandler>();

        var ex = await Assert.ThrowsExactlyAsync<AggregateException>(() => Create().PublishAsync(new SomethingHappenedEvent("x")));

        CollectionAssert.AreEqual(new[] { "handler:x" }, log);
        Assert.AreEqual("disk full", ex.InnerExceptions.Single().Message);
    }

    [TestMethod]
    public async Task Subscribe_AfterDispose_NoLongerCalled()
    {
        var aggregator = Create();
        var calls = 0;
        var subscription = aggregator.Subscribe<SomethingHappenedEvent>((_, _) =>
        {
            calls++;
            return Task.CompletedTask;
        });

        await aggregator.PublishAsync(new SomethingHappenedEvent("1"));
        subscription.Dispose();
        await aggregator.PublishAsync(new SomethingHappenedEvent("2"));

        Assert.AreEqual(1, calls);
    }

    [TestMethod]
    public async Task Subscribe_OtherEventType_NotCalled()
    {
        var aggregator = Create();
        var calls = 0;
        using var subscription = aggregator.Subscribe<ModuleStateChangedEvent>((_, _) =>
        {
            calls++;
            return Task.CompletedTask;
        });

        await aggregator.PublishAsync(new SomethingHappenedEvent("1"));

        Assert.AreEqual(0, calls);
    }

    private EventAggregator Create() =>
        new(_services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), _modules.Object, NullLogger<EventAggregator>.Instance);
}
