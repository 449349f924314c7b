using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>The ribbon's Social menu (Fluent's menu) with the keyboard alone, and how it looks open at 1280 and 390 px.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class SocialMenuTests
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
    public Task CloseReps() => s_reps.CloseAllAsync();

    [TestMethod]
    public async Task SocialMenu_Keyboard_EnterOpensArrowsMoveEscapeClosesToTheButton()
    {
        var alice = await s_reps.OpenAsync("alice");
        var social = alice.GetByTestId("ribbon-social");
        var share = alice.GetByTestId("social-item-share");
        var chat = alice.GetByTestId("social-item-chat");
        await Expect(chat).ToBeHiddenAsync();
        await Expect(alice.GetByTestId("social-menu")).ToHaveAttributeAsync("aria-label", "Social");

        // Focus goes into the open menu (to an item), the arrows move it between the items.
        var focused = alice.Locator("[data-testid^='social-item-']:focus");
        await social.FocusAsync();
        await alice.Keyboard.PressAsync("Enter");
        await Expect(share).ToBeVisibleAsync();
        await Expect(focused).ToHaveCountAsync(1);
        var first = await focused.GetAttributeAsync("data-testid");
        await alice.Keyboard.PressAsync("ArrowDown");
        await Expect(focused).Not.ToHaveAttributeAsync("data-testid", first!);
        await alice.Keyboard.PressAsync("ArrowUp");
        await Expect(focused).ToHaveAttributeAsync("data-testid", first!);

        await alice.Keyboard.PressAsync("Escape");
        await Expect(chat).ToBeHiddenAsync();
        await Expect(social).ToBeFocusedAsync();

        // Fluent 5.0.1's menu finishes closing in the frames after Escape: a key pressed within the same frames is taken
        // by the closing menu (no person types that fast). Wait until the browser has drawn twice.
        await Browser.DrawnTwiceAsync(alice);

        // Space opens it too; Enter on an item chooses it (Chat starts a Workbench chat and asks whom to invite).
        await alice.Keyboard.PressAsync(" ");
        await Expect(focused).ToHaveCountAsync(1);
        if (await focused.GetAttributeAsync("data-testid") != "social-item-chat")
        {
            await alice.Keyboard.PressAsync("ArrowDown");
        }

        await Expect(chat).ToBeFocusedAsync();
        await alice.Keyboard.PressAsync("Enter");
        await Expect(alice.GetByTestId("invite-dialog").GetByTestId("invite-cancel")).ToBeVisibleAsync();
        await Expect(chat).ToBeHiddenAsync();
    }

    [TestMethod]
    public async Task SocialButton_UntilItsMenuIsBound_IsNotShownSoTheFirstClickOpensIt()
    {
        var alice = await s_reps.OpenAsync("alice");

        // The same signed-in rep on a second page whose Blazor script never loads: the prerendered Workbench, nothing
        // live. Its Social button is there but not shown, since a click on it would do nothing.
        var prerendered = await alice.Context.NewPageAsync();
        await prerendered.RouteAsync("**/_framework/blazor.web*.js", route => route.AbortAsync());
        await prerendered.GotoAsync(s_host.BaseAddress.ToString());
        await Expect(prerendered.GetByTestId("tile-chat")).ToBeVisibleAsync();
        await Expect(prerendered.GetByTestId("ribbon-social")).ToHaveCountAsync(1);
        await Expect(prerendered.GetByTestId("ribbon-social")).ToBeHiddenAsync();
        await prerendered.CloseAsync();

        // Live, it shows once Fluent's script has bound it to its menu: after a reload (prerendered first, then live), a
        // click made as soon as it shows opens the menu.
        await alice.ReloadAsync();
        await alice.GetByTestId("ribbon-social").ClickAsync();
        await Expect(alice.GetByTestId("social-item-chat")).ToBeVisibleAsync();
    }

    [TestMethod]
    public async Task SocialMenu_OpenOnWideAndPhoneScreens_ItemsFullyOnScreen()
    {
        var alice = await s_reps.OpenAsync("alice");
        foreach (var (width, name) in new[] { (1280, "social-menu-open"), (390, "social-menu-open-390") })
        {
            await alice.SetViewportSizeAsync(width, 800);
            await alice.GetByTestId("ribbon-social").ClickAsync();
            foreach (var item in new[] { "social-item-share", "social-item-chat" })
            {
                await Expect(alice.GetByTestId(item)).ToBeVisibleAsync();
                var box = await alice.GetByTestId(item).BoundingBoxAsync();
                Assert.IsNotNull(box, item);
                Assert.IsTrue(box.X >= 0 && box.X + box.Width <= width, $"{item} at {box.X}+{box.Width} within {width} px");
            }

            await Browser.ScreenshotAsync(alice, name);
            await alice.Keyboard.PressAsync("Escape");
            await Expect(alice.GetByTestId("social-item-chat")).ToBeHiddenAsync();
        }
    }
}
