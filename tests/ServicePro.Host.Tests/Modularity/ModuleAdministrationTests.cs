using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Modules;
using ServicePro.Contracts.Security;
using ServicePro.Host.Events;
using ServicePro.Host.Modularity;
using ServicePro.Host.Tests.Support;

namespace ServicePro.Host.Tests.Modularity;

[TestClass]
public sealed class ModuleAdministrationTests
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, ServiceProRoles.Administrator)], "test"));

    private readonly FakeModules _fakes = new();
    private readonly Mock<IEventAggregator> _events = new();
    private string _directory = null!;
    private string _path = null!;
    private string _catalogText = null!;
    private HostDatabase _database = null!;

    [TestInitialize]
    public async Task CreateCatalog()
    {
        _database = await HostDatabase.CreateAsync();
        _directory = Directory.CreateTempSubdirectory("module-admin-").FullName;
        _path = Path.Combine(_directory, "modules.config");
        File.WriteAllText(_path, """
            <modules>
              <module id="requests" assembly="R" />
              <module id="chat" assembly="C" />
              <module id="later" assembly="L" enabled="false" />
              <module id="orphan" assembly="O" enabled="false" />
            </modules>
            """);
        _catalogText = File.ReadAllText(_path);
        _fakes.Add("requests");
        _fakes.Add("chat", "requests");
    }

    [TestCleanup]
    public async Task DeleteCatalog()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [TestMethod]
    public async Task SetEnabledAsync_Disable_StoresInDatabaseLeavesFileAppliesAtOnceAndPublishes()
    {
        var (runtime, administration) = await StartAsync();

        var result = await administration.SetEnabledAsync("chat", enabled: false, Admin);

        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(ModuleState.Disabled, result.Module!.State);
        Assert.IsFalse(runtime.IsEnabled("chat"));
        Assert.IsFalse((await _database.StatesAsync())["chat"]);
        Assert.AreEqual(_catalogText, await File.ReadAllTextAsync(_path), "modules.config stays the catalog and its defaults");
        _events.Verify(e => e.Publish(new ModuleStateChangedEvent("chat", ModuleState.Disabled)), Times.Once);
    }

    [TestMethod]
    public async Task SetEnabledAsync_DisableWhileAnEnabledModuleDependsOnIt_RefusedAndNothingChanges()
    {
        var (runtime, administration) = await StartAsync();

        var result = await administration.SetEnabledAsync("requests", enabled: false, Admin);

        Assert.AreEqual("'requests' cannot be disabled: 'chat' depends on it. Disable it first.", result.Error);
        Assert.IsTrue(runtime.IsEnabled("requests"));
        Assert.IsEmpty(await _database.StatesAsync());
        _events.Verify(e => e.Publish(It.IsAny<ModuleStateChangedEvent>()), Times.Never);
    }

    [TestMethod]
    public async Task SetEnabledAsync_DisableDependentThenDependency_BothAllowedInThatOrder()
    {
        var (runtime, administration) = await StartAsync();

        Assert.IsTrue((await administration.SetEnabledAsync("chat", false, Admin)).Succeeded);
        Assert.IsTrue((await administration.SetEnabledAsync("requests", false, Admin)).Succeeded);
        var reEnableChat = await administration.SetEnabledAsync("chat", true, Admin);

        StringAssert.Contains(reEnableChat.Error, "depends on 'requests', which is not enabled");
        Assert.IsTrue((await administration.SetEnabledAsync("requests", true, Admin)).Succeeded);
        Assert.IsTrue((await administration.SetEnabledAsync("chat", true, Admin)).Succeeded);
        Assert.IsTrue(runtime.IsEnabled("chat"));
    }

    [TestMethod]
    public async Task SetEnabledAsync_EnableModuleDisabledAtStart_StoredAndMarkedForRestart()
    {
        var (runtime, administration) = await StartAsync();

        var result = await administration.SetEnabledAsync("later", enabled: true, Admin);

        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.IsTrue(result.Module!.RestartRequired);
        Assert.AreEqual(ModuleState.Disabled, result.Module.State);
        Assert.IsTrue((await _database.StatesAsync())["later"]);
        Assert.IsFalse(runtime.IsEnabled("later"));
    }

    [TestMethod]
    public async Task SetEnabledAsync_EnableModuleNeverLoadedWithUnlistedDependency_StartsAtRestartAsFailedWithTheReason()
    {
        _fakes.Add("orphan", "absent");
        var (_, administration) = await StartAsync();

        // Its code (the one place that says what it needs) was never loaded in this run.
        var result = await administration.SetEnabledAsync("orphan", enabled: true, Admin);
        Assert.IsTrue(result.Module!.RestartRequired, result.Error);
        var restarted = await _fakes.StartAsync(ModuleStateStore.Override(await ModuleCatalogReader.ReadAsync(_path), await _database.StatesAsync()));

        var orphan = restarted.Modules.Single(m => m.Id == "orphan");
        Assert.AreEqual(ModuleState.Failed, orphan.State);
        Assert.AreEqual("depends on 'absent', which is not listed in modules.config", orphan.Reason);
        Assert.IsTrue(restarted.IsEnabled("chat"), "the others start");
    }

    [TestMethod]
    public async Task SetEnabledAsync_CallerNotAnAdministrator_RefusedAndNothingChanges()
    {
        var (runtime, administration) = await StartAsync();
        var rep = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "alice"), new Claim(ClaimTypes.Role, ServiceProRoles.Rep)], "test"));

        var result = await administration.SetEnabledAsync("chat", enabled: false, rep);

        Assert.AreEqual(ModuleAdministration.NotAnAdministrator, result.Error);
        Assert.IsTrue(runtime.IsEnabled("chat"));
        Assert.IsEmpty(await _database.StatesAsync());
    }

    [TestMethod]
    public async Task SetEnabledAsync_UnknownModule_Refused()
    {
        var (_, administration) = await StartAsync();

        var result = await administration.SetEnabledAsync("nope", enabled: false, Admin);

        Assert.AreEqual("There is no module 'nope' in modules.config.", result.Error);
    }

    [TestMethod]
    public async Task SetEnabledAsync_AShellHangsAndAnotherThrows_ToggleReturnsStateStoredOtherShellsTold()
    {
        using var events = new EventAggregator(NullLogger<EventAggregator>.Instance);
        var hung = new TaskCompletionSource();
        var healthyShellTold = new TaskCompletionSource<ModuleStateChangedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        // A circuit whose renderer never answers, one that is gone, and one that is fine, in that order.
        using var hangs = events.Subscribe<ModuleStateChangedEvent>((_, _) => hung.Task);
        using var throws = events.Subscribe<ModuleStateChangedEvent>((_, _) => throw new ObjectDisposedException("circuit"));
        using var healthy = events.Subscribe<ModuleStateChangedEvent>((e, _) =>
        {
            healthyShellTold.TrySetResult(e);
            return Task.CompletedTask;
        });
        var (runtime, administration) = await StartAsync(events);

        // Bounded only so that a regression fails instead of hanging the run.
        var result = await administration.SetEnabledAsync("chat", enabled: false, Admin).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.IsFalse(runtime.IsEnabled("chat"));
        Assert.IsFalse((await _database.StatesAsync())["chat"]);
        Assert.AreEqual(new ModuleStateChangedEvent("chat", ModuleState.Disabled), await healthyShellTold.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsTrue((await administration.SetEnabledAsync("chat", enabled: true, Admin).WaitAsync(TimeSpan.FromSeconds(30))).Succeeded, "the next change is not held by the hung shell either");
        hung.SetResult();
    }

    [TestMethod]
    public async Task ApplyStoredAsync_AnotherHostDisabledAModule_AppliedHereOnceAndShellsTold()
    {
        var (otherRuntime, otherHost) = await StartAsync(new Mock<IEventAggregator>().Object);
        var (runtime, administration) = await StartAsync();
        Assert.IsTrue((await otherHost.SetEnabledAsync("chat", enabled: false, Admin)).Succeeded);

        var changed = await administration.ApplyStoredAsync(CancellationToken.None);
        var changedAgain = await administration.ApplyStoredAsync(CancellationToken.None);

        CollectionAssert.AreEqual(new[] { "chat" }, changed.ToArray());
        Assert.IsEmpty(changedAgain, "applied once: the next poll finds nothing new");
        Assert.IsFalse(otherRuntime.IsEnabled("chat"));
        Assert.IsFalse(runtime.IsEnabled("chat"));
        _events.Verify(e => e.Publish(new ModuleStateChangedEvent("chat", ModuleState.Disabled)), Times.Once);
    }

    [TestMethod]
    public async Task ApplyStoredAsync_AnotherHostEnabledItAgain_EnabledHere()
    {
        var (_, otherHost) = await StartAsync(new Mock<IEventAggregator>().Object);
        var (runtime, administration) = await StartAsync();
        await otherHost.SetEnabledAsync("chat", enabled: false, Admin);
        await administration.ApplyStoredAsync(CancellationToken.None);

        await otherHost.SetEnabledAsync("chat", enabled: true, Admin);
        await administration.ApplyStoredAsync(CancellationToken.None);

        Assert.IsTrue(runtime.IsEnabled("chat"));
        _events.Verify(e => e.Publish(new ModuleStateChangedEvent("chat", ModuleState.Enabled)), Times.Once);
    }

    [TestMethod]
    public async Task Start_StoredChoiceAndAFreshCatalog_StoredChoiceWins()
    {
        var (_, administration) = await StartAsync();
        await administration.SetEnabledAsync("chat", enabled: false, Admin);
        await File.WriteAllTextAsync(_path, _catalogText); // a redeploy brings modules.config as shipped

        var restarted = await _fakes.StartAsync(ModuleStateStore.Override(await ModuleCatalogReader.ReadAsync(_path), await _database.StatesAsync()));

        Assert.IsFalse(restarted.IsEnabled("chat"));
        Assert.IsTrue(restarted.IsEnabled("requests"), "a module with no stored choice keeps the catalog's default");
    }

    private async Task<(ModuleRuntime, ModuleAdministration)> StartAsync(IEventAggregator? events = null)
    {
        var runtime = await _fakes.StartAsync(await ModuleCatalogReader.ReadAsync(_path));
        return (runtime, new ModuleAdministration(runtime, _database.Store(), events ?? _events.Object, NullLogger<ModuleAdministration>.Instance));
    }
}
