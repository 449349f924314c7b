using ServicePro.Contracts.Extensibility;
using ServicePro.Host.Modularity;
using ServicePro.Host.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Modularity;

[TestClass]
public sealed class PluginModuleLoaderTests
{
    private readonly PluginModuleLoader _loader = new(TestPaths.ModulesDirectory);

    [TestMethod]
    public void Load_SampleModuleFromTheHostsModulesFolder_SharesContractTypes()
    {
        var loaded = _loader.Load(new ModuleCatalogEntry("share", "ServicePro.Modules.Share", true, 1));

        Assert.AreEqual("share", loaded.Module.Id);
        Assert.AreEqual("Share", loaded.Module.Title);
        Assert.AreEqual("0.1.0", loaded.Version);
        Assert.AreEqual(Path.Combine(TestPaths.ModulesDirectory, "ServicePro.Modules.Share"), loaded.ContentDirectory);

        // The contributor it registers implements the host's IMenuContributor: Contracts is shared, not copied.
        var services = new ServiceCollection();
        loaded.Module.ConfigureServices(new(loaded.Module.Id, services, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), new Support.TestHostEnvironment()));
        Assert.IsTrue(services.Any(d => d.ServiceType == typeof(IMenuContributor) && d.ImplementationType!.Assembly == loaded.Assembly));
    }

    [TestMethod]
    public void Load_AssemblyMissing_ThrowsNamingTheExpectedPath()
    {
        var ex = Assert.ThrowsExactly<ModuleLoadException>(() => _loader.Load(new ModuleCatalogEntry("ghost", "ServicePro.Modules.Ghost", true, 1)));

        Assert.AreEqual($"assembly 'ServicePro.Modules.Ghost' not found at {Path.Combine(TestPaths.ModulesDirectory, "ServicePro.Modules.Ghost", "ServicePro.Modules.Ghost.dll")}", ex.Message);
    }

    [TestMethod]
    public void Load_AssemblyWithoutModuleClass_Throws()
    {
        var path = Path.Combine(TestPaths.HostDirectory, "McMaster.NETCore.Plugins.dll");

        var ex = Assert.ThrowsExactly<ModuleLoadException>(() => _loader.Load(new ModuleCatalogEntry("plugins", path, true, 1)));

        StringAssert.Contains(ex.Message, "has no public class implementing IServiceProModule");
    }

    [TestMethod]
    [DataRow("1.5.0.0", "1.5")]
    [DataRow("2.0.0.0", "2.0")]
    public void Load_ModuleBuiltAgainstIncompatibleContracts_ThrowsNamingBothVersions(string builtAgainst, string shown)
    {
        var path = OtherContractsModule.Build(Version.Parse(builtAgainst));

        var ex = Assert.ThrowsExactly<ModuleLoadException>(() => _loader.Load(new ModuleCatalogEntry(OtherContractsModule.ModuleId, path, true, 1)));

        StringAssert.StartsWith(ex.Message, $"assembly '{path}' was built against ServicePro.Contracts {shown}, but this host has ServicePro.Contracts 1.4");
    }

    [TestMethod]
    public void Load_FileIsNotAnAssembly_ThrowsCouldNotBeLoaded()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("loader-").FullName, "Garbage.dll");
        File.WriteAllText(path, "this is not a PE file");

        var ex = Assert.ThrowsExactly<ModuleLoadException>(() => _loader.Load(new ModuleCatalogEntry("garbage", path, true, 1)));

        StringAssert.StartsWith(ex.Message, $"assembly '{path}' could not be loaded");
    }
}
