using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;
using ServicePro.Host.Events;

namespace ServicePro.Host.Tests.Events;

[TestClass]
public sealed class IntegrationEventBusTests
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

    public sealed class OtherModuleHandler(List<string> log) : IEventHandler<SomethingHappenedEvent>
    {
        public Task HandleAsync(SomethingHappenedEvent @event, CancellationToken cancellationToken)
        {
            log.Add($"other:{@event.What}");
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
    public async Task PublishAsync_RunsRegisteredHandlersBeforeReturning()
    {
        var log = new List<string>();
        _services.AddSingleton(log).AddEventHandler<SomethingHappenedEvent, RecordingHandler>();

        await Create().PublishAsync(new SomethingHappenedEvent("chat ended"));

        CollectionAssert.AreEqual(new[] { "handler:chat ended" }, log);
    }

    [TestMethod]
    public async Task PublishAsync_HandlerOfModuleDisabledLive_NotRunOthersRunThenDeferredForItUntilEnabled()
    {
        var log = new List<string>();
        _services.AddSingleton(log)
            .AddEventHandler<SomethingHappenedEvent, RecordingHandler>()
            .AddEventHandler<SomethingHappenedEvent, OtherModuleHandler>();
        _modules.Setup(m => m.IsActive(typeof(OtherModuleHandler))).Returns(false);
        var bus = Create();

        var ex = await Assert.ThrowsExactlyAsync<AggregateException>(() => bus.PublishAsync(new SomethingHappenedEvent("chat ended")));
        var logWhileDisabled = log.ToArray();
        _modules.Setup(m => m.IsActive(typeof(OtherModuleHandler))).Returns(true);
        await bus.PublishAsync(new SomethingHappenedEvent("chat ended"));

        CollectionAssert.AreEqual(new[] { "handler:chat ended" }, logWhileDisabled, "the enabled module's handler runs; the disabled one's does not");
        var deferred = (EventDeferredException)ex.InnerExceptions.Single();
        CollectionAssert.AreEqual(new[] { nameof(OtherModuleHandler) }, deferred.Handlers.ToArray());
        StringAssert.Contains(ex.Message, "OtherModuleHandler will handle the event once enabled");
        CollectionAssert.AreEqual(new[] { "handler:chat ended", "handler:chat ended", "other:chat ended" }, log, "published again once it is enabled, the module gets the event");
    }

    [TestMethod]
    public async Task PublishAsync_OneHandlerFails_OthersStillRunThenFailureReachesThePublisher()
    {
        var log = new List<string>();
        _services.AddSingleton(log)
            .AddEventHandler<SomethingHappenedEvent, FailingHandler>()
            .AddEventHandler<SomethingHappenedEvent, RecordingHandler>();

        var ex = await Assert.ThrowsExactlyAsync<AggregateException>(() => Create().PublishAsync(new SomethingHappenedEvent("x")));

        CollectionAssert.AreEqual(new[] { "handler:x" }, log);
        Assert.AreEqual("disk full", ex.InnerExceptions.Single().Message);
    }

    private IntegrationEventBus Create() =>
        new(_services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), _modules.Object, NullLogger<IntegrationEventBus>.Instance);
}
