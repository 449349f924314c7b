using Bunit;
using Microsoft.AspNetCore.Components;
using ServicePro.Contracts.Shell;
using ServicePro.Host.Components.Shell;
using ServicePro.Host.Shell;

namespace ServicePro.Host.Tests.Components;

[TestClass]
public sealed class AttentionControlsTests
{
    private BunitContext _context = null!;
    private BunitJSModuleInterop _module = null!;

    [TestInitialize]
    public void Create()
    {
        _context = new BunitContext();
        _context.Services.AddScoped<ShellAttention>();
        _context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _module = _context.JSInterop.SetupModule("./shell-attention.js");
    }

    [TestCleanup]
    public async Task Dispose() => await _context.DisposeAsync();

    [TestMethod]
    public void Click_NotAskedYet_AsksTheBrowserOnce_ThenShowsNotificationsOn()
    {
        _module.Setup<ShellAttentionState>("state").SetResult(new ShellAttentionState("default", false));
        var ask = _module.Setup<string>("requestPermission");
        ask.SetResult("granted");
        var controls = _context.Render<AttentionControls>();

        controls.WaitForElement("[data-testid=shell-notifications]").Click();

        controls.WaitForAssertion(() => Assert.AreEqual("Notifications on", controls.Find("[data-testid=shell-notifications-on]").TextContent));
        Assert.IsEmpty(controls.FindAll("[data-testid=shell-notifications]"));
        Assert.HasCount(1, _module.Invocations["requestPermission"]);
    }

    [TestMethod]
    public void Render_Denied_NoButtonToAskAgain()
    {
        _module.Setup<ShellAttentionState>("state").SetResult(new ShellAttentionState("denied", false));

        var controls = _context.Render<AttentionControls>();

        controls.WaitForElement("[data-testid=shell-sound]");
        Assert.IsEmpty(controls.FindAll("[data-testid=shell-notifications]"));
        Assert.IsEmpty(_module.Invocations["requestPermission"]);
    }

    [TestMethod]
    public void ClickSound_RememberedInTheBrowser()
    {
        _module.Setup<ShellAttentionState>("state").SetResult(new ShellAttentionState("granted", false));
        _module.Setup<object>("setSound", true).SetResult(new object());
        var controls = _context.Render<AttentionControls>();

        controls.WaitForElement("[data-testid=shell-sound]").Click();

        controls.WaitForAssertion(() => Assert.AreEqual("true", controls.Find("[data-testid=shell-sound]").GetAttribute("aria-pressed")));
        Assert.HasCount(1, _module.Invocations["setSound"]);
    }

    [TestMethod]
    public async Task NotifyAsync_PageGone_FalseWithoutThrowing()
    {
        _module.Setup<bool>("notify", _ => true).SetException(new Microsoft.JSInterop.JSDisconnectedException("gone"));
        IShellAttention attention = _context.Services.GetRequiredService<ShellAttention>();

        Assert.IsFalse(await attention.NotifyAsync("bob mentioned you", "@alice 你好 👋", "tag"));
    }
}
