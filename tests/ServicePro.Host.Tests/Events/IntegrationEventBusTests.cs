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
    public async Task PublishAsync_HandlerOfDisabledModule_IsSkipped()
    {
        var log = new List<string>();
        _services.AddSingleton(log).AddEventHandler<SomethingHappenedEvent, RecordingHandler>();
        _modules.Setup(m => m.IsActive(typeof(RecordingHandler))).Returns(false);

        await Create().PublishAsync(new SomethingHappenedEvent("x"));

        Assert.IsEmpty(log);
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
