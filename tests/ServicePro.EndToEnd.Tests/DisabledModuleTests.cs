using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// What README promises of disabling a module live: its views leave every open shell (the shell's regions follow the
/// module's state), an open page of it says "not available", and enabling brings both back without a reload.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class DisabledModuleTests
{
    private static readonly string[] s_modules = ["chat", "probe", "requests"];

    private static HostProcess s_host = null!;
    private static Browser s_browser = null!;
    private static RepSessions s_reps = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        var modules = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <modules>
              <module id="requests" assembly="ServicePro.Modules.Requests" />
              <module id="chat" assembly="ServicePro.Modules.Chat" />
              <module id="probe" assembly="{TestPaths.ProbeModuleAssembly}" />
            </modules>
            """;
        s_host = await HostProcess.StartAsync(modules, cancellationToken: context.CancellationToken);
        s_browser = await Browser.LaunchAsync();
        s_reps = new RepSessions(s_browser, s_host);
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await Browser.DisposeIfStartedAsync(s_browser);
        await s_host.DisposeAsync();
    }

    [TestCleanup]
    public async Task EnableModulesAgain()
    {
        // A failed test may leave a module disabled: the next one starts with every module enabled.
        try
        {
            await ModulesPage.EnableAsync(await s_reps.OpenAsync("admin"), s_modules);
        }
        finally
        {
            await s_reps.CloseAllAsync();
        }
    }

    [TestMethod]
    public async Task DisableChat_ChatWindowAndInvitationPopupLeaveOpenShells_ThenComeBack()
    {
        var alice = await s_reps.OpenAsync("alice");
        var bob = await s_reps.OpenAsync("bob");
        var admin = await OpenModulesAsync();
        await Expect(alice.GetByTestId("chat-start")).ToBeEnabledAsync();
        await Expect(bob.GetByTestId("chat-start")).ToBeEnabledAsync();
        await alice.GetByTestId("chat-start").ClickAsync();
        await alice.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
        await Expect(alice.GetByTestId("chat-window")).ToBeVisibleAsync();
        try
        {
            await Expect(bob.GetByTestId("invitation-popup")).ToBeVisibleAsync();
        }
        catch (PlaywrightException ex)
        {
            // Seen once in twenty runs on a heavily loaded machine, cause not found: keep what would explain it.
            var window = await alice.GetByTestId("chat-window").InnerTextAsync();
            throw new AssertFailedException($"bob got no invitation pop-up.\nalice's chat window:\n{window}\nhost output:\n{s_host.Output}", ex);
        }

        await admin.GetByTestId("module-toggle-chat").ClickAsync();
        await Expect(admin.GetByTestId("module-state-chat")).ToHaveTextAsync("Disabled");

        // No reload in either shell: the Popups region drops the module's views.
        await Expect(alice.GetByTestId("chat-window")).ToHaveCountAsync(0);
        await Expect(bob.GetByTestId("invitation-popup")).ToHaveCountAsync(0);
        await Expect(alice.GetByTestId("tile-chat")).ToHaveCountAsync(0);

        await admin.GetByTestId("module-toggle-chat").ClickAsync();
        await Expect(admin.GetByTestId("module-state-chat")).ToHaveTextAsync("Enabled");
        await Expect(alice.GetByTestId("tile-chat")).ToBeVisibleAsync();
        await Expect(alice.GetByTestId("chat-window")).ToBeVisibleAsync();
        await alice.GetByTestId("chat-window").GetByTestId("chat-leave").ClickAsync();
        await Expect(alice.GetByTestId("chat-window")).ToHaveCountAsync(0);
    }

    [TestMethod]
    public async Task DisableProbe_ItsOpenPageSaysNotAvailable_ThenTheModuleComesBack()
    {
        var bob = await s_reps.OpenAsync("bob");
        var admin = await OpenModulesAsync();
        await bob.GetByTestId("nav-probe").ClickAsync();
        await Expect(bob.GetByTestId("probe-page")).ToBeVisibleAsync();

        await admin.GetByTestId("module-toggle-probe").ClickAsync();
        await Expect(admin.GetByTestId("module-state-probe")).ToHaveTextAsync("Disabled");

        var notAvailable = bob.GetByRole(AriaRole.Heading, new() { Name = "This page is not available" });
        await Expect(notAvailable).ToBeVisibleAsync();
        await Expect(bob.GetByTestId("probe-page")).ToHaveCountAsync(0);
        await Expect(bob.Locator("main")).ToContainTextAsync("The module that provides it is disabled.");
        await Browser.ScreenshotAsync(bob, "module-page-not-available");

        await admin.GetByTestId("module-toggle-probe").ClickAsync();
        await Expect(admin.GetByTestId("module-state-probe")).ToHaveTextAsync("Enabled");
        await Expect(bob.GetByTestId("probe-page")).ToBeVisibleAsync();
        await Expect(notAvailable).ToHaveCountAsync(0);
    }

    [TestMethod]
    public async Task DisableRequests_ARequestChatEndsMeanwhile_ItsTranscriptReachesTheActivityStreamOnceEnabled()
    {
        var alice = await s_reps.OpenAsync("alice");
        var admin = await OpenModulesAsync();
        await RequestPages.CreateAsync(alice, "Сканер 扫描仪 📠 offline");
        await alice.GetByTestId("ribbon-social").ClickAsync();
        await alice.GetByTestId("social-item-chat").ClickAsync();
        await alice.GetByTestId("invite-cancel").ClickAsync();
        await Expect(alice.GetByTestId("invite-dialog")).ToHaveCountAsync(0);
        var window = alice.GetByTestId("chat-window");
        await FluentFields.FillAsync(window.GetByTestId("chat-input"), "Сканер снова 扫描仪 📠");
        await FluentFields.TextArea(window.GetByTestId("chat-input")).PressAsync("Enter");
        await Expect(window.Locator("[data-testid=chat-dialog-entry][data-kind=message]")).ToContainTextAsync(["Сканер снова 扫描仪 📠"]);

        // Requests is switched off while the chat about one of its requests goes on; the chat ends meanwhile.
        await admin.GetByTestId("module-toggle-requests").ClickAsync();
        await Expect(admin.GetByTestId("module-state-requests")).ToHaveTextAsync("Disabled");
        await Expect(alice.GetByRole(AriaRole.Heading, new() { Name = "This page is not available" })).ToBeVisibleAsync();
        await window.GetByTestId("chat-leave").ClickAsync();
        await Expect(window).ToHaveCountAsync(0);

        // Back on: the request's Activity Stream has the chat, transcript included.
        await admin.GetByTestId("module-toggle-requests").ClickAsync();
        await Expect(admin.GetByTestId("module-state-requests")).ToHaveTextAsync("Enabled");
        var entry = alice.Locator("[data-testid=activity-entry][data-kind=chat]");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry.GetByTestId("activity-transcript")).ToContainTextAsync("Сканер снова 扫描仪 📠");
        await alice.ReloadAsync();
        await Expect(entry).ToHaveCountAsync(1);
    }

    private static async Task<IPage> OpenModulesAsync()
    {
        var admin = await s_reps.OpenAsync("admin");
        await admin.GetByTestId("nav-admin-modules").ClickAsync();
        await Expect(admin.GetByTestId("module-state-chat")).ToHaveTextAsync("Enabled");
        return admin;
    }
}
