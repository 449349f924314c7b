using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;
using static ServicePro.EndToEnd.Tests.KeyboardFocus;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// The invite window on Fluent's dialog and the tile's availability on Fluent's select, in a real browser: focus goes
/// into the dialog and comes back to Invite, the dropdown is operable with the keyboard, and both are pictured at
/// 1280 and 390 px in light and dark.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class FluentChatControlsTests
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
    public async Task InviteDialog_OpenThenEscape_FocusOnFirstCandidateThenBackOnInvite()
    {
        var (alice, _) = (await SignInAsync("alice"), await SignInAsync("bob"));
        await alice.GetByTestId("chat-start").ClickAsync();
        var invite = alice.GetByTestId("invite-dialog");
        await Expect(invite.GetByTestId("invite-candidate-bob")).ToBeVisibleAsync();

        // The first rep who can be picked has the focus, not the page behind the modal.
        await ExpectFocusedAsync(alice, "invite-candidate-bob", "invite window opened");
        await alice.Keyboard.PressAsync("Space");
        await TabToAsync(alice, "invite-send");
        await TabToAsync(alice, "invite-cancel");
        await Pictures(alice, "invite-dialog");

        await alice.Keyboard.PressAsync("Escape");
        await Expect(invite).ToHaveCountAsync(0);
        await ExpectFocusedAsync(alice, "chat-invite", "invite window closed with Escape");

        // Alone in the session: leaving ends it, so the other test's tile is not under a chat window.
        await alice.GetByTestId("chat-leave").ClickAsync();
        await Expect(alice.GetByTestId("chat-window")).ToHaveCountAsync(0);
    }

    [TestMethod]
    public async Task Availability_KeyboardOnly_ChoosesAwaySeenByAnotherRep()
    {
        var (alice, bob) = (await SignInAsync("alice"), await SignInAsync("bob"));
        await Expect(bob.GetByTestId("chat-online-alice")).ToHaveAttributeAsync("data-status", "Available");

        await TabToAsync(alice, AvailabilityDropdown.TestId);
        // Space (or ArrowDown) opens fluent-dropdown; arrows move; Enter chooses. (Enter on the closed dropdown
        // opens it and its button's click closes it again: Fluent 5.0.1's behaviour.)
        await alice.Keyboard.PressAsync("Space");
        var dropdown = alice.GetByTestId(AvailabilityDropdown.TestId);
        await Expect(dropdown.Locator("fluent-listbox")).ToBeVisibleAsync();
        await Pictures(alice, "availability-dropdown-open");
        await alice.Keyboard.PressAsync("ArrowDown");
        await alice.Keyboard.PressAsync("ArrowDown");
        await alice.Keyboard.PressAsync("Enter");
        await Expect(dropdown.Locator("fluent-listbox")).ToBeHiddenAsync();

        await Expect(bob.GetByTestId("chat-online-alice")).ToHaveAttributeAsync("data-status", "Away");
        Assert.AreEqual("Away", await AvailabilityDropdown.CurrentAsync(alice));

        await AvailabilityDropdown.ChooseAsync(alice, "Available");
        await Expect(bob.GetByTestId("chat-online-alice")).ToHaveAttributeAsync("data-status", "Available");
    }

    // 1280×800 and 390 px, light and dark, as the OS asks.
    private static async Task Pictures(IPage page, string name)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var suffix = scheme == ColorScheme.Dark ? "dark" : "light";
            await page.SetViewportSizeAsync(1280, 800);
            await Browser.ScreenshotAsync(page, $"{name}-1280-{suffix}");
            await page.SetViewportSizeAsync(390, 800);
            await Browser.ScreenshotAsync(page, $"{name}-390-{suffix}");
        }

        await page.SetViewportSizeAsync(1280, 800);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
    }

    private static async Task<IPage> SignInAsync(string userName)
    {
        var page = await s_reps.OpenAsync(userName);
        await Expect(page.GetByTestId("chat-start")).ToHaveAttributeAsync("aria-disabled", "false");
        return page;
    }
}
