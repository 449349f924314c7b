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
public sealed partial class ChatPopupsTests
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
        await s_browser.DisposeAsync();
        await s_host.DisposeAsync();
    }

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
        await alice.GetByTestId("nav-requests").ClickAsync();
        await Expect(alice.GetByTestId("request-list")).ToBeVisibleAsync();
        await alice.GetByTestId("request-new").ClickAsync();
        await alice.GetByTestId("request-title").FillAsync("Принтер 打印机 🖨️ jams");
        await alice.GetByTestId("request-save").ClickAsync();
        await Expect(alice).ToHaveURLAsync(RequestUrl());
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

    private static async Task<IPage> SignInAsync(string userName)
    {
        var page = await s_reps.OpenAsync(userName);
        await Expect(page.GetByTestId("chat-start")).ToHaveAttributeAsync("aria-disabled", "false");
        return page;
    }

    [GeneratedRegex(@"/requests/(\d+)$")]
    private static partial Regex RequestUrl();
}
