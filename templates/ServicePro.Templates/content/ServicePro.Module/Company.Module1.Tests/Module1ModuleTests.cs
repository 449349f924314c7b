using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;

namespace Company.Module1.Tests;

[TestClass]
public sealed class Module1ModuleTests
{
    [TestMethod]
    public void ConfigureServices_RegistersTheSocialItemAndTheWorkbenchTile()
    {
        var module = new Module1Module();
        var services = new ServiceCollection();

        module.ConfigureServices(new ModuleServicesContext(module.Id, services, new ConfigurationBuilder().Build(), new TestEnvironment()));

        Assert.IsTrue(services.Any(d => d.ServiceType == typeof(IMenuContributor) && d.ImplementationType == typeof(Module1SocialMenuItems)));
        var tile = services.Select(d => d.ImplementationInstance).OfType<WorkbenchTile>().Single();
        Assert.AreEqual(Module1Constants.ModuleId, tile.Id);
        Assert.AreEqual(typeof(Module1Tile), tile.ComponentType);
    }

    [TestMethod]
    public void Id_IsAValidModulesConfigId() =>
        StringAssert.Matches(new Module1Module().Id, new System.Text.RegularExpressions.Regex("^[a-z][a-z0-9-]*$"));

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
