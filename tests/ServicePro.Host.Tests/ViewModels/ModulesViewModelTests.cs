using System.Security.Claims;
using Moq;
using ServicePro.Contracts.Modules;
using ServicePro.Host.Modularity;
using ServicePro.Host.ViewModels;

namespace ServicePro.Host.Tests.ViewModels;

[TestClass]
public sealed class ModulesViewModelTests
{
    private static readonly ModuleInfo Chat = new("chat", "Chat", "1.0.0", ModuleState.Enabled, null, ["requests"], false);
    private static readonly ModuleInfo Later = new("later", "Later", "", ModuleState.Disabled, null, [], false);
    private static readonly ModuleInfo Broken = new("broken", "broken", "", ModuleState.Failed, "not found", [], false);
    private static readonly ModuleInfo Pending = Later with { RestartRequired = true };

    private readonly Mock<IModuleStatus> _status = new();
    private readonly Mock<IModuleAdministration> _administration = new();

    [TestMethod]
    public void Refresh_ShowsEveryModuleAndRaisesPropertyChanged()
    {
        _status.SetupGet(s => s.Modules).Returns([Chat, Later]);
        var viewModel = new ModulesViewModel(_status.Object, _administration.Object);
        var changed = new List<string?>();
        viewModel.PropertyChanged += (_, e) => changed.Add(e.PropertyName);

        viewModel.Refresh();

        CollectionAssert.AreEqual(new[] { Chat, Later }, viewModel.Modules.ToArray());
        CollectionAssert.Contains(changed, nameof(ModulesViewModel.Modules));
    }

    [TestMethod]
    [DataRow("chat", false)]
    [DataRow("later", true)]
    [DataRow("broken", false)]
    [DataRow("pending", false)]
    public void OffersEnable_OnlyForAModuleThatIsPlainlyDisabled(string which, bool expected)
    {
        var module = which switch { "chat" => Chat, "later" => Later, "broken" => Broken, _ => Pending };

        Assert.AreEqual(expected, ModulesViewModel.OffersEnable(module));
    }

    [TestMethod]
    public async Task Toggle_EnabledModule_AsksToDisableItInTheAdministratorsName()
    {
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin")], "test"));
        _administration.Setup(a => a.SetEnabledAsync("chat", false, admin, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ModuleToggleResult(Chat with { State = ModuleState.Disabled }, null));
        var viewModel = new ModulesViewModel(_status.Object, _administration.Object) { User = admin };

        await viewModel.ToggleCommand.ExecuteAsync(Chat);

        _administration.VerifyAll();
        Assert.IsNull(viewModel.Error);
        _status.VerifyGet(s => s.Modules, Times.Once, "the list is read again after the change");
    }

    [TestMethod]
    public async Task Toggle_Refused_ShowsTheReason()
    {
        _administration.Setup(a => a.SetEnabledAsync("later", true, It.IsAny<ClaimsPrincipal>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ModuleToggleResult.Refused("'later' cannot be enabled: it depends on 'x'"));
        var viewModel = new ModulesViewModel(_status.Object, _administration.Object);

        await viewModel.ToggleCommand.ExecuteAsync(Later);

        Assert.AreEqual("'later' cannot be enabled: it depends on 'x'", viewModel.Error);
    }

    [TestMethod]
    public async Task Toggle_FileCannotBeWritten_ShowsAClearError()
    {
        _administration.Setup(a => a.SetEnabledAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<ClaimsPrincipal>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UnauthorizedAccessException("Access to the path '/etc/modules.config' is denied."));
        var viewModel = new ModulesViewModel(_status.Object, _administration.Object);

        await viewModel.ToggleCommand.ExecuteAsync(Chat);

        Assert.AreEqual("modules.config could not be written: Access to the path '/etc/modules.config' is denied.", viewModel.Error);
    }
}
