using Moq;
using ServicePro.Contracts.Modules;
using ServicePro.Host.Modularity;
using ServicePro.Host.Tests.Support;

namespace ServicePro.Host.Tests.Modularity;

[TestClass]
public sealed class ModuleRuntimeTests
{
    private readonly FakeModules _fakes = new();
    private readonly ServiceCollection _services = new();

    [TestMethod]
    public async Task Start_TwoPhases_EveryModuleRegistersBeforeAnyInitializes_InDependencyOrder()
    {
        _fakes.Add("chat", "requests");
        _fakes.Add("requests");
        _fakes.Add("share");
        var runtime = await StartAsync(FakeModules.Catalog(("chat", true), ("requests", true), ("share", true)));

        CollectionAssert.AreEqual(
            new[] { "configure:requests", "configure:chat", "configure:share", "initialize:requests", "initialize:chat", "initialize:share" },
            _fakes.Calls);
        Assert.IsTrue(runtime.Modules.All(m => m.State == ModuleState.Enabled));
        CollectionAssert.AreEqual(new[] { "requests", "chat", "share" }, runtime.Modules.Select(m => m.Id).ToArray());
    }

    [TestMethod]
    public async Task Start_DependenciesDeclaredInCode_OrderAndShownOnTheModule()
    {
        _fakes.Add("a", "b");
        _fakes.Add("b", "c");
        _fakes.Add("c");
        var runtime = await StartAsync(FakeModules.Catalog(("a", true), ("b", true), ("c", true)));

        CollectionAssert.AreEqual(new[] { "c", "b", "a" }, runtime.Modules.Select(m => m.Id).ToArray());
        CollectionAssert.AreEquivalent(new[] { "c" }, runtime.Modules.Single(m => m.Id == "b").DependsOn.ToArray());
    }

    [TestMethod]
    public async Task Start_DependencyNotListed_FailedWithReason_NotConfiguredOrStarted()
    {
        _fakes.Add("chat", "requests");
        _fakes.Add("share");

        var runtime = await StartAsync(FakeModules.Catalog(("chat", true), ("share", true)));

        var chat = runtime.Modules.Single(m => m.Id == "chat");
        Assert.AreEqual(ModuleState.Failed, chat.State);
        Assert.AreEqual("depends on 'requests', which is not listed in modules.config", chat.Reason);
        CollectionAssert.AreEqual(new[] { "configure:share", "initialize:share" }, _fakes.Calls);
    }

    [TestMethod]
    public async Task Start_ModuleDependsOnItself_Failed()
    {
        _fakes.Add("loop", "loop");

        var runtime = await StartAsync(FakeModules.Catalog(("loop", true)));

        Assert.AreEqual("module 'loop' depends on itself", runtime.Modules.Single().Reason);
    }

    [TestMethod]
    public async Task Start_LoaderThrows_ModuleFailedWithReason_OthersStart()
    {
        _fakes.Add("share");
        _fakes.Loader.Setup(l => l.Load(It.Is<ModuleCatalogEntry>(e => e.Id == "broken")))
            .Throws(new ModuleLoadException("assembly 'Assembly.broken' not found at /x/y.dll"));

        var runtime = await StartAsync(FakeModules.Catalog(("broken", true), ("share", true)));

        var broken = runtime.Modules.Single(m => m.Id == "broken");
        Assert.AreEqual(ModuleState.Failed, broken.State);
        Assert.AreEqual("assembly 'Assembly.broken' not found at /x/y.dll", broken.Reason);
        Assert.AreEqual(ModuleState.Enabled, runtime.Modules.Single(m => m.Id == "share").State);
        CollectionAssert.Contains(_fakes.Calls, "initialize:share");
    }

    [TestMethod]
    public async Task Start_ConfigureServicesThrows_FailedAndItsServicesTakenBack()
    {
        var bad = _fakes.Add("bad");
        bad.Setup(m => m.ConfigureServices(It.IsAny<ModuleServicesContext>()))
            .Callback<ModuleServicesContext>(c =>
            {
                c.Services.AddSingleton(new object());
                throw new InvalidOperationException("no licence key");
            });
        _fakes.Add("dependent", "bad");
        var before = _services.Count;

        var runtime = await StartAsync(FakeModules.Catalog(("bad", true), ("dependent", true)));

        Assert.AreEqual("threw while registering its services: no licence key", runtime.Modules.Single(m => m.Id == "bad").Reason);
        Assert.AreEqual("depends on 'bad', which failed", runtime.Modules.Single(m => m.Id == "dependent").Reason);
        Assert.HasCount(before, _services, "the half-registered services of the failed module are removed");
        Assert.IsEmpty(_fakes.Calls.Where(c => c.StartsWith("initialize:", StringComparison.Ordinal)).ToList());
    }

    [TestMethod]
    public async Task Start_InitializeThrows_FailedAndDependentsNotStarted()
    {
        var bad = _fakes.Add("requests");
        bad.Setup(m => m.InitializeAsync(It.IsAny<ModuleInitializationContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("database is read-only"));
        _fakes.Add("chat", "requests");
        _fakes.Add("share");

        var runtime = await StartAsync(FakeModules.Catalog(("requests", true), ("chat", true), ("share", true)));

        Assert.AreEqual("threw while initializing: database is read-only", runtime.Modules.Single(m => m.Id == "requests").Reason);
        Assert.AreEqual(ModuleState.Failed, runtime.Modules.Single(m => m.Id == "chat").State);
        CollectionAssert.DoesNotContain(_fakes.Calls, "initialize:chat");
        CollectionAssert.Contains(_fakes.Calls, "initialize:share");
        Assert.IsFalse(runtime.IsEnabled("requests"));
    }

    [TestMethod]
    public async Task Start_IdInAssemblyDiffersFromCatalog_Failed()
    {
        _fakes.Add("chat");
        _fakes.Loader.Setup(l => l.Load(It.Is<ModuleCatalogEntry>(e => e.Id == "talk")))
            .Returns(_fakes.Loader.Object.Load(new ModuleCatalogEntry("chat", "x", true, 1)));

        var runtime = await StartAsync(FakeModules.Catalog(("talk", true)));

        StringAssert.Contains(runtime.Modules.Single().Reason, "has id 'chat', but modules.config lists it as 'talk'");
    }

    [TestMethod]
    public async Task Start_DependencyCycle_EveryMemberFailed_OthersStart()
    {
        _fakes.Add("a", "b");
        _fakes.Add("b", "a");
        _fakes.Add("share");

        var runtime = await StartAsync(FakeModules.Catalog(("a", true), ("b", true), ("share", true)));

        StringAssert.Contains(runtime.Modules.Single(m => m.Id == "a").Reason, "part of a dependency cycle");
        StringAssert.Contains(runtime.Modules.Single(m => m.Id == "b").Reason, "part of a dependency cycle");
        CollectionAssert.AreEqual(new[] { "configure:share", "initialize:share" }, _fakes.Calls);
    }

    [TestMethod]
    public async Task Start_DisabledModule_NotLoaded_DependentFails()
    {
        _fakes.Add("chat", "requests");
        var runtime = await StartAsync(FakeModules.Catalog(("requests", false), ("chat", true)));

        Assert.AreEqual(ModuleState.Disabled, runtime.Modules.Single(m => m.Id == "requests").State);
        Assert.AreEqual("depends on 'requests', which is disabled", runtime.Modules.Single(m => m.Id == "chat").Reason);
        _fakes.Loader.Verify(l => l.Load(It.Is<ModuleCatalogEntry>(e => e.Id == "requests")), Times.Never);
    }

    [TestMethod]
    public async Task IsActive_FollowsTheOwningModulesState()
    {
        _fakes.Add("share");
        var runtime = await StartAsync(FakeModules.Catalog(("share", true)));
        var tileType = _fakes.TypeOf("share");

        Assert.IsTrue(runtime.IsActive(tileType));
        Assert.IsTrue(runtime.IsActive(typeof(string)), "types of no module are always active");
        Assert.AreEqual("share", runtime.OwnerOf(tileType));

        runtime.Apply("share", enabled: false);
        Assert.IsFalse(runtime.IsActive(tileType));
        Assert.IsFalse(runtime.IsEnabled("share"));

        var info = runtime.Apply("share", enabled: true);
        Assert.IsTrue(runtime.IsActive(tileType));
        Assert.AreEqual(ModuleState.Enabled, info.State);
        Assert.IsFalse(info.RestartRequired);
    }

    [TestMethod]
    public async Task Apply_EnableModuleNotLoadedAtStart_StaysDisabledUntilRestart()
    {
        var runtime = await StartAsync(FakeModules.Catalog(("later", false)));

        var info = runtime.Apply("later", enabled: true);

        Assert.AreEqual(ModuleState.Disabled, info.State);
        Assert.IsTrue(info.RestartRequired);
        Assert.IsFalse(runtime.IsEnabled("later"));
    }

    private Task<ModuleRuntime> StartAsync(ModuleCatalog catalog) => _fakes.StartAsync(catalog, _services);
}
