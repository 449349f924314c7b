using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// An administrator disables and re-enables modules on Admin → Modules while a rep works in another browser: the
/// rep's shell follows without a reload.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ModuleToggleTests
{
    private static HostProcess s_host = null!;
    private static Browser s_browser = null!;
    private static RepSessions s_reps = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        s_host = await HostProcess.StartAsync(cancellationToken: context.CancellationToken);
        s_browser = await Browser.LaunchAsync();
        s_reps = new RepSessions(s_browser, s_host);
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await Browser.DisposeIfStartedAsync(s_browser);
        await s_host.DisposeAsync();
    }

    /// <summary>Every test starts with both modules enabled and without the pages of the one before.</summary>
    [TestCleanup]
    public async Task EnableModulesAgain()
    {
        try
        {
            await ModulesPage.EnableAsync(await s_reps.OpenAsync("admin"), "share", "probe");
        }
        finally
        {
            await s_reps.CloseAllAsync();
        }
    }

    [TestMethod]
    public async Task DisableSampleModule_ItsSocialItemVanishesInAnotherShell_ThenComesBack()
    {
        var admin = await s_reps.OpenAsync("admin");
        var alice = await s_reps.OpenAsync("alice");
        await Browser.ScreenshotAsync(alice, "workbench");

        // Alice opens the Workbench ribbon's Social menu: the sample module's item is there.
        await alice.GetByTestId("ribbon-social").ClickAsync();
        await Expect(alice.GetByTestId("social-item-share")).ToBeVisibleAsync();
        await Expect(alice.GetByTestId("social-item-share").Locator("a")).ToHaveAttributeAsync("href", "mailto:?subject=ServicePro");
        await Browser.ScreenshotAsync(alice, "social-menu");

        await admin.GetByTestId("nav-admin-modules").ClickAsync();
        await Expect(admin.GetByTestId("module-state-share")).ToHaveTextAsync("Enabled");
        await admin.GetByTestId("module-toggle-share").ClickAsync();
        await Expect(admin.GetByTestId("module-state-share")).ToHaveTextAsync("Disabled");
        await Browser.ScreenshotAsync(admin, "admin-modules");

        // No reload in Alice's browser: the open menu loses the item, the probe's item stays.
        await Expect(alice.GetByTestId("social-item-share")).ToHaveCountAsync(0);
        await Expect(alice.GetByTestId("social-item-probe")).ToBeVisibleAsync();
        // The choice is stored in the database; modules.config stays the catalog with its defaults.
        StringAssert.Contains(await File.ReadAllTextAsync(s_host.ModulesConfigPath), """<module id="share" assembly="ServicePro.Modules.Share" enabled="true" />""");

        await admin.GetByTestId("module-toggle-share").ClickAsync();
        await Expect(admin.GetByTestId("module-state-share")).ToHaveTextAsync("Enabled");
        await Expect(alice.GetByTestId("social-item-share")).ToBeVisibleAsync();
    }

    [TestMethod]
    public async Task DisableModule_ItsTileNavigationPageAndEndpointGoAway_ThenComeBack()
    {
        var admin = await s_reps.OpenAsync("admin");
        var bob = await s_reps.OpenAsync("bob");
        await Expect(bob.GetByTestId("tile-probe")).ToBeVisibleAsync();
        await Expect(bob.GetByTestId("nav-probe")).ToBeVisibleAsync();

        await admin.GetByTestId("nav-admin-modules").ClickAsync();
        await admin.GetByTestId("module-toggle-probe").ClickAsync();
        await Expect(admin.GetByTestId("module-state-probe")).ToHaveTextAsync("Disabled");

        await Expect(bob.GetByTestId("tile-probe")).ToHaveCountAsync(0);
        await Expect(bob.GetByTestId("nav-probe")).ToHaveCountAsync(0);
        var endpoint = await bob.Context.APIRequest.GetAsync("api/probe");
        Assert.AreEqual(404, endpoint.Status);
        var page = await bob.Context.APIRequest.GetAsync("probe");
        Assert.AreEqual(404, page.Status);
        Assert.AreEqual(404, (await bob.Context.APIRequest.GetAsync("_modules/probe/probe.txt")).Status);

        await admin.GetByTestId("module-toggle-probe").ClickAsync();
        await Expect(admin.GetByTestId("module-state-probe")).ToHaveTextAsync("Enabled");
        await Expect(bob.GetByTestId("tile-probe")).ToBeVisibleAsync();
        await bob.GetByTestId("nav-probe").ClickAsync();
        await Expect(bob.GetByTestId("probe-page")).ToBeVisibleAsync();
        Assert.AreEqual(200, (await bob.Context.APIRequest.GetAsync("api/probe")).Status);
        Assert.AreEqual(200, (await bob.Context.APIRequest.GetAsync("_modules/probe/probe.txt")).Status);
    }

    [TestMethod]
    public async Task SignOut_ReturnsToSignIn()
    {
        var carol = await s_reps.OpenAsync("carol");
        await Expect(carol.GetByTestId("current-user")).ToHaveTextAsync("carol");

        await carol.GetByTestId("logout").ClickAsync();

        await Expect(carol.GetByTestId("login-username")).ToBeVisibleAsync();
        await carol.GotoAsync("");
        await Expect(carol.GetByTestId("login-username")).ToBeVisibleAsync();
    }
}
