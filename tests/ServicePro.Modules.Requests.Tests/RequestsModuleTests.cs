using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
    public void ConfigureServices_RegistersContributionsHandlerDirectoryAndSettings()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Modules:requests:PendingRetryInterval"] = "00:00:05",
        }).Build();

        new RequestsModule().ConfigureServices(new ModuleServicesContext("requests", services, configuration, Mock.Of<IHostEnvironment>()));

        Assert.IsTrue(services.Any(d => d.ServiceType == typeof(IRequestDirectory)));
        Assert.IsTrue(services.Any(d => d.ServiceType == typeof(IEventHandler<ChatSessionEndedEvent>)));
        Assert.IsTrue(services.Any(d => d.ServiceType == typeof(IMenuContributor) && d.ImplementationType == typeof(RequestsNavigation)));
        var tile = (WorkbenchTile)services.Single(d => d.ServiceType == typeof(WorkbenchTile)).ImplementationInstance!;
        Assert.AreEqual(("requests", typeof(RequestsTile)), (tile.Id, tile.ComponentType));
        Assert.IsTrue(services.Any(d => d.ServiceType == typeof(IHostedService)));
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<RequestsOptions>>().Value;
        Assert.AreEqual(TimeSpan.FromSeconds(5), options.PendingRetryInterval);
    }

    [TestMethod]
    public void Module_IdMatchesConstants() => Assert.AreEqual(RequestsConstants.ModuleId, new RequestsModule().Id);
}
