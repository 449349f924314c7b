using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Moq;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;
using ServicePro.Contracts.Requests;

namespace ServicePro.Modules.Requests.Tests;

[TestClass]
public sealed class RequestsModuleTests
{
    [TestMethod]
    public void ConfigureServices_RegistersContributionsHandlerAndDirectory_NoRetryLoopOfItsOwn()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();

        new RequestsModule().ConfigureServices(new ModuleServicesContext("requests", services, configuration, Mock.Of<IHostEnvironment>()));

        Assert.IsTrue(services.Any(d => d.ServiceType == typeof(IRequestDirectory)));
        Assert.IsTrue(services.Any(d => d.ServiceType == typeof(IEventHandler<ChatSessionEndedEvent>)));
        Assert.IsTrue(services.Any(d => d.ServiceType == typeof(IMenuContributor) && d.ImplementationType == typeof(RequestsNavigation)));
        var tile = (WorkbenchTile)services.Single(d => d.ServiceType == typeof(WorkbenchTile)).ImplementationInstance!;
        Assert.AreEqual(("requests", typeof(RequestsTile)), (tile.Id, tile.ComponentType));
        // Delivery belongs to the publisher's outbox: no timer, no queue of our own.
        Assert.IsFalse(services.Any(d => d.ServiceType == typeof(IHostedService)));
    }

    [TestMethod]
    public void Module_IdMatchesConstants() => Assert.AreEqual(RequestsConstants.ModuleId, new RequestsModule().Id);
}
