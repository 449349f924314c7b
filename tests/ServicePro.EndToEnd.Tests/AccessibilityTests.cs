using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// axe-core on the pages reps live in — the Workbench, a request with a chat in its Activity Stream, a chat window
/// with an Off the Record message (both sides), Messages and Admin → Modules — at 1280×800 and 390 px: no serious or
/// critical violation of WCAG 2 A/AA or axe's best practices.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class AccessibilityTests
{
    private static HostProcess s_host = null!;
    private static Browser s_browser = null!;
    private static RepSessions s_reps = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        s_host = await HostProcess.StartAsync(TestModulesConfig.WithChat(), cancellationToken: context.CancellationToken);
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
    public Task CloseSessions() => s_reps.CloseAllAsync();

    [TestMethod]
    public async Task AxeRunner_PageWithUnnamedButtonAndImage_ListsEachViolationWithRuleTargetAndHelp()
    {
        var context = await s_browser.Instance.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.SetContentAsync("""<html lang="en"><head><title>Broken</title></head><body><main><button id="nameless"></button><img id="bare" src="data:,"></main></body></html>""");

            var violations = await AxeRunner.FindSeriousAsync(page);

            var button = violations.Single(v => v.Rule == "button-name");
            Assert.AreEqual("critical", button.Impact);
            Assert.AreEqual("#nameless", button.Target);
            StringAssert.StartsWith(button.HelpUrl, "https://dequeuniversity.com/rules/axe/");
            Assert.AreEqual("#bare", violations.Single(v => v.Rule == "image-alt").Target);
            var text = AxeRunner.Describe(violations.Select(v => ("broken page", v)));
            StringAssert.Contains(text, "[broken page] button-name (critical) at #nameless");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [TestMethod]
    public async Task WorkbenchAndAdminModules_Axe_NoSeriousOrCriticalViolation()
    {
        var audit = new AccessibilityAudit();
        var alice = await SignInAsync("alice");
        await audit.CheckAsync(alice, "Workbench");

        var admin = await s_reps.OpenAsync("admin");
        await admin.GetByTestId("nav-admin-modules").ClickAsync();
        await Expect(admin.GetByTestId("module-state-chat")).ToHaveTextAsync("Enabled");
        await audit.CheckAsync(admin, "Admin → Modules");

        audit.AssertClean();
    }

    [TestMethod]
    public async Task RequestChatWithOffTheRecordAndMessages_Axe_NoSeriousOrCriticalViolation()
    {
        var audit = new AccessibilityAudit();
        var (alice, bob) = (await SignInAsync("alice"), await SignInAsync("bob"));
        var number = await RequestPages.CreateAsync(alice, "Ноутбук не заряжается 充电 🔋");

        await alice.GetByTestId("ribbon-social").ClickAsync();
        await alice.GetByTestId("social-item-chat").ClickAsync();
        await alice.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
        await bob.GetByTestId("invitation-accept").ClickAsync();
        var (aliceWindow, bobWindow) = (alice.GetByTestId("chat-window"), bob.GetByTestId("chat-window"));
        await Expect(aliceWindow.GetByTestId("chat-connection-bob")).ToBeVisibleAsync();

        await FluentFields.FillAsync(aliceWindow.GetByTestId("chat-input"), "Привет, bob: 电池 again 🔌");
        await FluentFields.TextArea(aliceWindow.GetByTestId("chat-input")).PressAsync("Enter");
        // Sent once the text entry is empty again: only then does Send take the next message.
        await Expect(bobWindow.Locator("[data-testid=chat-dialog-entry][data-kind=message]")).ToContainTextAsync(["电池"]);
        await Expect(FluentFields.TextArea(aliceWindow.GetByTestId("chat-input"))).ToHaveValueAsync(string.Empty);
        await aliceWindow.GetByTestId("chat-otr").CheckAsync();
        await FluentFields.ChooseAsync(aliceWindow.GetByTestId("chat-otr-recipient"), "bob");
        await FluentFields.FillAsync(aliceWindow.GetByTestId("chat-input"), "Между нами: 秘密 🤫");
        await aliceWindow.GetByTestId("chat-send").ClickAsync();
        await Expect(bobWindow.Locator("[data-testid=chat-dialog-entry][data-otr=true]")).ToContainTextAsync("Между нами");
        await Expect(bobWindow.GetByTestId("chat-otr-notice")).ToBeVisibleAsync();
        await audit.CheckAsync(alice, "chat window (sender of Off the Record, on the request)");
        await audit.CheckAsync(bob, "chat window (recipient of Off the Record, on the Workbench)");

        await aliceWindow.GetByTestId("chat-leave").ClickAsync();
        await Expect(bobWindow.GetByTestId("chat-ended")).ToBeVisibleAsync();
        await audit.CheckAsync(bob, "ended chat window");
        var entry = alice.Locator("[data-testid=activity-entry][data-kind=chat]");
        await Expect(entry.GetByTestId("activity-transcript")).ToContainTextAsync("电池");
        await audit.CheckAsync(alice, $"request {number} with a chat in its Activity Stream");

        await alice.GetByTestId("nav-messages").ClickAsync();
        await alice.GetByTestId("messages-item").First.ClickAsync();
        await Expect(alice.GetByTestId("messages-transcript")).ToContainTextAsync("电池");
        await audit.CheckAsync(alice, "Messages with a transcript open");

        audit.AssertClean();
    }

    private static async Task<IPage> SignInAsync(string userName)
    {
        var page = await s_reps.OpenAsync(userName);
        await Expect(page.GetByTestId("chat-start")).ToHaveAttributeAsync("aria-disabled", "false");
        return page;
    }

}
