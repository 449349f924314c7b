using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;
using static ServicePro.EndToEnd.Tests.KeyboardFocus;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// A whole chat with the keyboard alone — Tab, Shift+Tab, Enter, Space, arrows, Escape and typing, never a click: start
/// from the Workbench tile, invite through the invite window, accept the invitation pop-up, send, Off the Record,
/// Chat Time, leave; the focused control shows a focus ring at every step.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class KeyboardChatTests
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
    public async Task WorkbenchChat_KeyboardOnly_StartInviteAcceptSendOffTheRecordChatTimeLeave()
    {
        var (alice, bob) = (await SignInAsync("alice"), await SignInAsync("bob"));

        // Start from the tile: the invite window takes the focus; Escape closes it and gives the focus to Invite,
        // which opens it again.
        await TabToWithRingAsync(alice, "chat-start");
        await alice.Keyboard.PressAsync("Enter");
        var invite = alice.GetByTestId("invite-dialog");
        await Expect(invite.GetByTestId("invite-cancel")).ToBeVisibleAsync();
        await ExpectFocusedAsync(alice, "invite-dialog", "invite window opened");
        await alice.Keyboard.PressAsync("Escape");
        await Expect(invite).ToHaveCountAsync(0);
        var aliceWindow = alice.GetByTestId("chat-window");
        await Expect(aliceWindow).ToBeVisibleAsync();
        await ExpectFocusedAsync(alice, "chat-invite", "invite window closed with Escape");
        await ExpectRingAsync(alice, "Invite after Escape");
        await alice.Keyboard.PressAsync("Enter");
        await Expect(invite.GetByTestId("invite-cancel")).ToBeVisibleAsync();
        await ExpectFocusedAsync(alice, "invite-dialog", "invite window opened again");

        // Bob picked with Space, Send with Enter; the focus comes back to Invite.
        await TabToWithRingAsync(alice, "invite-candidate-bob");
        await alice.Keyboard.PressAsync("Space");
        Assert.IsTrue(await alice.EvaluateAsync<bool>("() => document.activeElement.checked === true"), "Space ticks bob");
        await TabToWithRingAsync(alice, "invite-send");
        await alice.Keyboard.PressAsync("Enter");
        await Expect(invite).ToHaveCountAsync(0);
        await ExpectFocusedAsync(alice, "chat-invite", "invitation sent");
        await ExpectRingAsync(alice, "Invite after Send");

        // Bob reaches the pop-up's Accept with Tab.
        await Expect(bob.GetByTestId("invitation-popup")).ToContainTextAsync("alice invites you to chat.");
        await TabToWithRingAsync(bob, "invitation-accept");
        await bob.Keyboard.PressAsync("Enter");
        await Expect(bob.GetByTestId("invitation-popup")).ToHaveCountAsync(0);
        var bobWindow = bob.GetByTestId("chat-window");
        await Expect(bobWindow).ToBeVisibleAsync();
        await Expect(aliceWindow.GetByTestId("chat-connection-bob")).ToBeVisibleAsync();

        // A message: typed, Enter sends.
        await TabToWithRingAsync(alice, "chat-input");
        await alice.Keyboard.TypeAsync("Привет, bob — 打印机 again 🖨️");
        await alice.Keyboard.PressAsync("Enter");
        await Expect(bobWindow.Locator("[data-testid=chat-dialog-entry][data-kind=message]")).ToContainTextAsync(["Привет, bob — 打印机 again 🖨️"]);
        await Expect(FluentFields.TextArea(aliceWindow.GetByTestId("chat-input"))).ToHaveValueAsync(string.Empty);

        // Off the Record: Space ticks it; on the recipient (a fluent-dropdown) Space opens the list, an arrow moves to bob
        // and Enter chooses him; back to the text with Shift+Tab.
        await TabToWithRingAsync(alice, "chat-otr");
        await alice.Keyboard.PressAsync("Space");
        var recipient = aliceWindow.GetByTestId("chat-otr-recipient");
        await Expect(recipient).ToBeVisibleAsync();
        await TabToWithRingAsync(alice, "chat-otr-recipient");
        await alice.Keyboard.PressAsync("Space");
        await Expect(recipient.Locator("fluent-listbox")).ToBeVisibleAsync();
        await alice.Keyboard.PressAsync("ArrowDown");
        await alice.Keyboard.PressAsync("Enter");
        await Expect(recipient.Locator("fluent-listbox")).ToBeHiddenAsync();
        Assert.AreEqual("bob", await FluentFields.ChosenTextAsync(recipient));

        await TabToWithRingAsync(alice, "chat-input", backwards: true);
        await alice.Keyboard.TypeAsync("Между нами: 秘密 🤫");
        await alice.Keyboard.PressAsync("Enter");
        var secret = bobWindow.Locator("[data-testid=chat-dialog-entry][data-otr=true]");
        await Expect(secret).ToContainTextAsync("Между нами: 秘密 🤫");
        await Expect(secret).ToContainTextAsync("Off the Record · alice → bob");

        // Chat Time: Pause keeps the focus as it turns into Resume; Edit moves it into the form, Enter and Escape back.
        await TabToWithRingAsync(alice, "chat-time-pause", backwards: true);
        await Browser.ScreenshotAsync(alice, "a11y-keyboard-focus-1280");
        await alice.SetViewportSizeAsync(390, 800);
        await ExpectRingAsync(alice, "Pause at 390 px");
        await Browser.ScreenshotAsync(alice, "a11y-keyboard-focus-390");
        await alice.SetViewportSizeAsync(1280, 800);
        await alice.Keyboard.PressAsync("Enter");
        await Expect(bobWindow.GetByTestId("chat-time")).ToHaveAttributeAsync("data-running", "false");
        await ExpectFocusedAsync(alice, "chat-time-resume", "Chat Time paused");
        await ExpectRingAsync(alice, "Resume");
        await TabToWithRingAsync(alice, "chat-time-edit");
        await alice.Keyboard.PressAsync("Enter");
        await Expect(aliceWindow.GetByTestId("chat-time-input")).ToBeVisibleAsync();
        await ExpectFocusedAsync(alice, "chat-time-input", "Chat Time form opened");
        await ExpectRingAsync(alice, "Chat Time input");
        await alice.Keyboard.PressAsync("ControlOrMeta+A");
        await alice.Keyboard.TypeAsync("00:42:00");
        await alice.Keyboard.PressAsync("Enter");
        await Expect(bobWindow.GetByTestId("chat-time")).ToHaveTextAsync("00:42:00");
        await Expect(aliceWindow.GetByTestId("chat-time-input")).ToHaveCountAsync(0);
        await ExpectFocusedAsync(alice, "chat-time-edit", "Chat Time set");
        await ExpectRingAsync(alice, "Edit after Set");
        await alice.Keyboard.PressAsync("Enter");
        await ExpectFocusedAsync(alice, "chat-time-input", "Chat Time form opened again");
        await alice.Keyboard.PressAsync("Escape");
        await Expect(aliceWindow.GetByTestId("chat-time-input")).ToHaveCountAsync(0);
        await ExpectFocusedAsync(alice, "chat-time-edit", "Chat Time form closed with Escape");
        await TabToWithRingAsync(alice, "chat-time-resume", backwards: true);
        await alice.Keyboard.PressAsync("Enter");
        await Expect(bobWindow.GetByTestId("chat-time")).ToHaveAttributeAsync("data-running", "true");

        // Alice, the originator, leaves: it ends for bob, who closes his window.
        await TabToWithRingAsync(alice, "chat-leave", backwards: true);
        await alice.Keyboard.PressAsync("Enter");
        await Expect(aliceWindow).ToHaveCountAsync(0);
        await Expect(bobWindow.GetByTestId("chat-ended")).ToBeVisibleAsync();
        await TabToWithRingAsync(bob, "chat-close");
        await bob.Keyboard.PressAsync("Enter");
        await Expect(bobWindow).ToHaveCountAsync(0);
    }

    private static async Task<IPage> SignInAsync(string userName)
    {
        var page = await s_reps.OpenAsync(userName);
        await Expect(page.GetByTestId("chat-start")).ToHaveAttributeAsync("aria-disabled", "false");
        return page;
    }
}
