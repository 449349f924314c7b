using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>Admin → Modules shows each module's live figures beside its state, and follows them while open.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class AdminModulesFiguresTests
{
    [TestMethod]
    public async Task ModulesPage_ChatAndRequestsEnabled_ShowTheirLiveFiguresAndFollowARepSigningIn()
    {
        var modules = """
            <?xml version="1.0" encoding="utf-8"?>
            <modules>
              <module id="requests" assembly="ServicePro.Modules.Requests" />
              <module id="chat" assembly="ServicePro.Modules.Chat" />
              <module id="share" assembly="ServicePro.Modules.Share" />
            </modules>
            """;
        await using var host = await HostProcess.StartAsync(modules);
        await using var browser = await Browser.LaunchAsync();
        var admin = await browser.SignInAsync(host, "admin");

        await admin.GetByTestId("nav-admin-modules").ClickAsync();

        await Expect(admin.GetByTestId("module-state-chat")).ToHaveTextAsync("Enabled");
        await Expect(admin.GetByTestId("module-figure-chat-reps-online")).ToHaveTextAsync("1");
        await Expect(admin.GetByTestId("module-figure-chat-live-sessions")).ToHaveTextAsync("0");
        await Expect(admin.GetByTestId("module-figures-requests")).ToContainTextAsync("Open requests");
        await Expect(admin.GetByTestId("module-figures-share")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(admin, "admin-modules-figures-1280");

        // Another rep opens her shell: the open page follows without a reload.
        await browser.SignInAsync(host, "alice");
        await Expect(admin.GetByTestId("module-figure-chat-reps-online")).ToHaveTextAsync("2", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });

        await admin.SetViewportSizeAsync(390, 800);
        await Expect(admin.GetByTestId("module-figures-chat")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(admin, "admin-modules-figures-390");
    }
}
