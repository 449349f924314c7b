using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;
using static ServicePro.EndToEnd.Tests.KeyboardFocus;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// When a rep closes a chat window (Leave, or Close once the others ended it), the focus does not fall to the page's
/// body: it goes to the control that starts a chat on that page, the Workbench tile's Start chat, or else the ribbon's
/// Social button.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatPopupsTests
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

    public TestContext TestContext { get; set; } = null!;

    [TestCleanup]
    public Task CloseSessions() => s_reps.CloseAllAsync();

    [TestMethod]
    public async Task CloseWindow_LeaveAndClosingAnEndedSession_FocusGoesToStartChat()
    {
        var (alice, bob) = (await SignInAsync("alice"), await SignInAsync("bob"));
        await alice.GetByTestId("chat-start").ClickAsync();
        await alice.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
        await ExpectFocusedAsync(alice, "chat-invite", "the invite window gives the focus back to Invite");
        await bob.GetByTestId("invitation-accept").ClickAsync();
        var (aliceWindow, bobWindow) = (alice.GetByTestId("chat-window"), bob.GetByTestId("chat-window"));
        await Expect(aliceWindow.GetByTestId("chat-connection-bob")).ToBeVisibleAsync();

        // Alice, the originator, leaves with the keyboard: her window closes and the session ends for bob.
        await aliceWindow.GetByTestId("chat-leave").FocusAsync();
        await alice.Keyboard.PressAsync("Enter");
        await Expect(aliceWindow).ToHaveCountAsync(0);
        await ExpectFocusedAsync(alice, "chat-start", "alice left");
        await ExpectRingAsync(alice, "Start chat after Leave");

        // Bob closes the window the others ended.
        await Expect(bobWindow.GetByTestId("chat-ended")).ToBeVisibleAsync();
        await bobWindow.GetByTestId("chat-close").FocusAsync();
        await bob.Keyboard.PressAsync("Enter");
        await Expect(bobWindow).ToHaveCountAsync(0);
        await ExpectFocusedAsync(bob, "chat-start", "bob closed the ended chat");
    }

    [TestMethod]
    public async Task CloseWindow_LeaveOnARequestPage_FocusGoesToSocial()
    {
        var alice = await SignInAsync("alice");
        await RequestPages.CreateAsync(alice, "Принтер 打印机 🖨️ jams");
        await alice.GetByTestId("ribbon-social").ClickAsync();
        await alice.GetByTestId("social-item-chat").ClickAsync();
        await alice.GetByTestId("invite-cancel").ClickAsync();

        // Leave is behind the modal invite window until the server has closed it, and the focus then goes to Invite:
        // a rep sees both before she moves to Leave, and a focus moved to Leave earlier would be lost.
        await ExpectFocusedAsync(alice, "chat-invite", "the invite window gives the focus back to Invite");
        var window = alice.GetByTestId("chat-window");
        await Expect(window).ToContainTextAsync("Принтер 打印机 🖨️ jams");

        await window.GetByTestId("chat-leave").FocusAsync();
        await alice.Keyboard.PressAsync("Enter");

        await Expect(window).ToHaveCountAsync(0);
        await ExpectFocusedAsync(alice, "ribbon-social", "left a request chat");
        await ExpectRingAsync(alice, "Social after Leave");
    }

    /// <summary>
    /// The originator ends a chat while the window that just opened for the rep who joined is still loading its scripts
    /// (a slow network): the window says the chat ended, and chat keeps working in her shell. The attachments script,
    /// arriving after its part of the window had gone, took the whole of chat's pop-ups down with it.
    /// </summary>
    [TestMethod]
    public async Task ChatEndsBeforeTheJoinedWindowsScriptsLoad_WindowShowsTheEndAndChatKeepsWorking()
    {
        var (alice, bob) = (await SignInAsync("alice"), await SignInAsync("bob"));
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await bob.RouteAsync("**/chat-attachments.js*", async route =>
        {
            requested.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        await alice.GetByTestId("chat-start").ClickAsync();
        await alice.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
        await ExpectFocusedAsync(alice, "chat-invite", "the invite window gives the focus back to Invite");
        await bob.GetByTestId("invitation-accept").ClickAsync();
        await requested.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.CancellationToken);

        var aliceWindow = alice.GetByTestId("chat-window");
        var bobWindow = bob.GetByTestId("chat-window");
        await Expect(aliceWindow.GetByTestId("chat-connection-bob")).ToBeVisibleAsync();
        await aliceWindow.GetByTestId("chat-leave").ClickAsync();
        await Expect(bobWindow.GetByTestId("chat-ended")).ToBeVisibleAsync();
        var loaded = bob.WaitForResponseAsync("**/chat-attachments.js*");
        release.SetResult();
        await loaded;

        // Her chat goes on: she closes the ended window, and a new chat opens its window and the invite window.
        await bobWindow.GetByTestId("chat-close").ClickAsync();
        await Expect(bobWindow).ToHaveCountAsync(0);
        await bob.GetByTestId("chat-start").ClickAsync();
        await Expect(bob.GetByTestId("invite-dialog").GetByTestId("invite-cancel")).ToBeVisibleAsync();
        await bob.GetByTestId("invite-cancel").ClickAsync();
        await Expect(bobWindow).ToHaveCountAsync(1);
        await Expect(bob.GetByRole(AriaRole.Alert).Filter(new() { HasText = "failed to show" })).ToHaveCountAsync(0);
        await bobWindow.GetByTestId("chat-leave").ClickAsync();
        await Expect(bobWindow).ToHaveCountAsync(0);
    }

    /// <summary>
    /// An open chat window floats over the foot of the page, and on a phone it spans the screen's width. Every control of
    /// the Workbench can still be scrolled out from under it and is the one a click there reaches.
    /// </summary>
    [TestMethod]
    public async Task OpenChatWindowOnAPhone_EveryWorkbenchControl_CanBeScrolledOutFromUnderIt()
    {
        const int width = 390;
        var alice = await SignInAsync("alice");
        await alice.SetViewportSizeAsync(width, 800);
        await alice.GetByTestId("chat-start").ClickAsync();
        await alice.GetByTestId("invite-cancel").ClickAsync();
        await ExpectFocusedAsync(alice, "chat-invite", "the invite window gives the focus back to Invite");
        var window = alice.GetByTestId("chat-window");
        await Expect(window).ToHaveCountAsync(1);
        await Expect(window).Not.ToHaveClassAsync(new Regex("is-collapsed"));
        try
        {
            var controls = await alice.EvaluateAsync<string[]>(ControlsScript);
            Assert.IsGreaterThan(3, controls.Length, $"the Workbench's controls: {string.Join(", ", controls)}");
            var covered = await alice.EvaluateAsync<string[]>(CoveredControlsScript);
            Assert.IsEmpty(covered, $"under the chat window at {width} px, whatever the scroll: {string.Join("; ", covered)}");

            await alice.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
            await alice.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotDirectory, $"chat-window-page-scrolled-{width}.png") });
        }
        finally
        {
            await window.GetByTestId("chat-leave").ClickAsync();
            await Expect(window).ToHaveCountAsync(0);
        }
    }

    // The page's controls that a rep can see (a web component counts once: its inner parts are in its shadow root).
    private const string ControlsFunction = """
        const controls = () => Array.from(document.querySelectorAll(
                'main.content :is(a[href], button, input, select, textarea, [role=button], [tabindex="0"], fluent-button, fluent-select, fluent-combobox, fluent-checkbox, fluent-textarea, fluent-text-field, fluent-anchor)'))
            .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
            .filter((e, _, all) => !all.some(o => o !== e && o.contains(e)));
        const name = e => e ? `${e.tagName.toLowerCase()}${e.dataset.testid ? `[${e.dataset.testid}]` : ''} "${(e.textContent || '').trim().slice(0, 30)}"` : 'nothing';
        """;

    private const string ControlsScript = "() => { " + ControlsFunction + " return controls().map(name); }";

    // Each control scrolled as far up as the page lets it go; a control is covered when the point a click on its middle
    // would reach is not inside it.
    private const string CoveredControlsScript = "() => { " + ControlsFunction + """
        const covered = [];
        for (const e of controls()) {
            e.scrollIntoView({ block: 'start', inline: 'nearest' });
            const r = e.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            if (!hit || !(e === hit || e.contains(hit))) covered.push(`${name(e)} under ${name(hit)}`);
        }
        window.scrollTo(0, 0);
        return covered;
        }
        """;

    private static async Task<IPage> SignInAsync(string userName)
    {
        var page = await s_reps.OpenAsync(userName);
        await Expect(page.GetByTestId("chat-start")).ToHaveAttributeAsync("aria-disabled", "false");
        return page;
    }
}
