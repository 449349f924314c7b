using Microsoft.EntityFrameworkCore;
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
    public async Task Toggle_EnabledModule_DisabledInTheAdministratorsNameAndTheListShowsItsNewState()
    {
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin")], "test"));
        var disabled = Chat with { State = ModuleState.Disabled };
        var modules = new List<ModuleInfo> { Chat, Later };
        _status.SetupGet(s => s.Modules).Returns(() => [.. modules]);
        _administration.Setup(a => a.SetEnabledAsync("chat", false, admin, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                modules[0] = disabled;
                return new ModuleToggleResult(disabled, null);
            });
        var viewModel = new ModulesViewModel(_status.Object, _administration.Object) { User = admin };
        viewModel.Refresh();

        await viewModel.ToggleCommand.ExecuteAsync(Chat);

        Assert.IsNull(viewModel.Error);
        CollectionAssert.AreEqual(new[] { disabled, Later }, viewModel.Modules.ToArray(), "the list is read again after the change");
        Assert.IsTrue(ModulesViewModel.OffersEnable(viewModel.Modules[0]), "its button now offers Enable");
    }

    [TestMethod]
    public async Task Toggle_AfterARefusal_ASuccessfulChangeClearsTheReason()
    {
        _status.SetupGet(s => s.Modules).Returns([Chat, Later]);
        _administration.SetupSequence(a => a.SetEnabledAsync("later", true, It.IsAny<ClaimsPrincipal>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ModuleToggleResult.Refused("'later' cannot be enabled: it depends on 'x'"))
            .ReturnsAsync(new ModuleToggleResult(Later with { RestartRequired = true }, null));
        var viewModel = new ModulesViewModel(_status.Object, _administration.Object);

        await viewModel.ToggleCommand.ExecuteAsync(Later);
        Assert.IsNotNull(viewModel.Error);
        await viewModel.ToggleCommand.ExecuteAsync(Later);

        Assert.IsNull(viewModel.Error);
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
    public async Task Toggle_StateCannotBeStored_ShowsAClearError()
    {
        _administration.Setup(a => a.SetEnabledAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<ClaimsPrincipal>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DbUpdateException("The database is read-only."));
        var viewModel = new ModulesViewModel(_status.Object, _administration.Object);

        await viewModel.ToggleCommand.ExecuteAsync(Chat);

        Assert.AreEqual("The module's state could not be stored: The database is read-only.", viewModel.Error);
    }
}
