using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Chat as three reps see it, each in their own browser context: alice, bob and carol (Privileged). The chat windows
/// live in each rep's circuit, so the reps move between pages through the shell's links, never by reloading.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatTests
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
        // The host's log, for when a test fails.
        Directory.CreateDirectory(Browser.ScreenshotDirectory);
        await File.WriteAllTextAsync(Path.Combine(Browser.ScreenshotDirectory, "..", "chat-host.log"), s_host.Output);
        await s_host.DisposeAsync();
    }

    /// <summary>
    /// Every test starts with fresh pages, and what a failed test left on the server is undone on its own pages: chat
    /// windows still open are left (their sessions end) and every rep is Available again (a rep's choice outlives
    /// her pages).
    /// </summary>
    [TestCleanup]
    public async Task ResetReps()
    {
        try
        {
            var open = s_reps.Open;
            foreach (var (_, page) in open)
            {
                await page.Keyboard.PressAsync("Escape");
                await ChatWindows.LeaveAllAsync(page);
                await page.GetByTestId("nav-workbench").ClickAsync();
            }

            foreach (var (userName, page) in open)
            {
                await AvailabilityDropdown.ChooseAsync(page, "Available");

                // Seen by another rep: the server has it before these pages close.
                var other = open.First(o => o.UserName != userName).Page;
                await Expect(other.GetByTestId("chat-online-" + userName)).ToHaveAttributeAsync("data-status", "Available");
            }
        }
        finally
        {
            await s_reps.CloseAllAsync();
        }
    }

    [TestMethod]
    public async Task RequestChat_InviteTalkOffTheRecordChatTimeLeaveEnd_ActivityStreamGetsTheEntry()
    {
        var (alice, bob, carol) = (await SignInAsync("alice"), await SignInAsync("bob"), await SignInAsync("carol"));
        var number = await RequestPages.CreateAsync(alice, "Printer jams on every page");

        // Social → Chat on the request's ribbon starts a session about it and opens the invite window.
        await alice.GetByTestId("ribbon-social").ClickAsync();
        await alice.GetByTestId("social-item-chat").ClickAsync();
        var invite = alice.GetByTestId("invite-dialog");
        await Expect(invite.GetByTestId("invite-cancel")).ToBeVisibleAsync();
        await Expect(invite.GetByTestId("invite-candidate-bob")).ToHaveAttributeAsync("data-status", "Available");
        await Expect(invite.GetByTestId("invite-candidate-admin")).ToHaveAttributeAsync("data-status", "Offline");
        await Expect(invite.GetByTestId("invite-candidate-admin").Locator("input")).ToBeDisabledAsync();
        await Expect(invite.GetByTestId("invite-candidate-alice")).ToHaveCountAsync(0);
        await invite.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
        await invite.GetByTestId("invite-candidate-carol").Locator("input").CheckAsync();
        await Browser.ScreenshotAsync(alice, "chat-invite-window");
        await FluentFields.ClickWhenEnabledAsync(invite.GetByTestId("invite-send"));
        await Expect(invite).ToHaveCountAsync(0);

        var aliceWindow = alice.GetByTestId("chat-window");
        await Expect(aliceWindow).ToHaveCountAsync(1);
        var sessionId = await aliceWindow.GetAttributeAsync("data-session-id");

        // Bob is on the Workbench: the pop-up names alice and the request; he accepts.
        var bobPopup = bob.GetByTestId("invitation-popup");
        await Expect(bobPopup).ToContainTextAsync("alice");
        await Expect(bobPopup).ToContainTextAsync($"request {number} (Printer jams on every page)");
        await Browser.ScreenshotAsync(bob, "chat-invitation-popup");
        await bob.GetByTestId("invitation-accept").ClickAsync();
        await Expect(bobPopup).ToHaveCountAsync(0);
        var bobWindow = bob.GetByTestId("chat-window");
        await Expect(bobWindow).ToHaveAttributeAsync("data-session-id", sessionId!);

        // Carol declines; alice invites her again from the window, and this time she accepts.
        await Expect(carol.GetByTestId("invitation-popup")).ToBeVisibleAsync();
        await carol.GetByTestId("invitation-decline").ClickAsync();
        await Expect(carol.GetByTestId("invitation-popup")).ToHaveCountAsync(0);
        await Expect(carol.GetByTestId("chat-window")).ToHaveCountAsync(0);

        await Expect(aliceWindow.GetByTestId("chat-connection-bob")).ToBeVisibleAsync();
        await FluentFields.FillAsync(aliceWindow.GetByTestId("chat-input"), "Hello bob, the printer again");
        await FluentFields.TextArea(aliceWindow.GetByTestId("chat-input")).PressAsync("Enter");
        await Expect(Entries(bobWindow, "message")).ToContainTextAsync(["Hello bob, the printer again"]);
        await Expect(FluentFields.TextArea(aliceWindow.GetByTestId("chat-input"))).ToHaveValueAsync(string.Empty);

        // Shift+Enter is a new line, the Send button sends too.
        await FluentFields.FillAsync(bobWindow.GetByTestId("chat-input"), "On it.");
        await Expect(aliceWindow.GetByTestId("chat-typing")).ToHaveTextAsync("bob is typing…");
        await FluentFields.TextArea(bobWindow.GetByTestId("chat-input")).PressAsync("Shift+Enter");
        await FluentFields.TextArea(bobWindow.GetByTestId("chat-input")).PressSequentiallyAsync("Tray 2?");
        await bobWindow.GetByTestId("chat-send").ClickAsync();
        await Expect(Entries(aliceWindow, "message").Last).ToContainTextAsync("On it.\nTray 2?");

        await aliceWindow.GetByTestId("chat-invite").ClickAsync();
        await Expect(alice.GetByTestId("invite-candidate-bob")).ToHaveCountAsync(0);
        await alice.GetByTestId("invite-candidate-carol").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
        await carol.GetByTestId("invitation-accept").ClickAsync();
        var carolWindow = carol.GetByTestId("chat-window");
        await Expect(carolWindow).ToHaveAttributeAsync("data-session-id", sessionId!);
        // A late joiner sees what happened before.
        await Expect(Entries(carolWindow, "message")).ToHaveCountAsync(2);

        // Off the Record from alice to bob: marked for both, never shown to carol.
        await Expect(aliceWindow.GetByTestId("chat-connection-carol")).ToBeVisibleAsync();
        await aliceWindow.GetByTestId("chat-otr").CheckAsync();
        await FluentFields.FillAsync(aliceWindow.GetByTestId("chat-input"), "Just between us: carol broke it");
        await aliceWindow.GetByTestId("chat-send").ClickAsync();
        await Expect(aliceWindow.GetByTestId("chat-error")).ToContainTextAsync("pick the attendee");
        await FluentFields.ChooseAsync(aliceWindow.GetByTestId("chat-otr-recipient"), "bob");
        await aliceWindow.GetByTestId("chat-send").ClickAsync();
        var bobsSecret = bobWindow.Locator("[data-testid=chat-dialog-entry][data-otr=true]");
        await Expect(bobsSecret).ToContainTextAsync("Just between us: carol broke it");
        await Expect(bobsSecret).ToContainTextAsync("Off the Record · alice → bob");
        await Expect(bobWindow.GetByTestId("chat-otr-notice")).ToContainTextAsync("alice selected Off the Record with you");
        await aliceWindow.GetByTestId("chat-otr").UncheckAsync();
        await FluentFields.FillAsync(aliceWindow.GetByTestId("chat-input"), "Back on the record");
        await aliceWindow.GetByTestId("chat-send").ClickAsync();
        await Expect(Entries(carolWindow, "message").Last).ToContainTextAsync("Back on the record");
        await Expect(carolWindow.GetByTestId("chat-dialog")).Not.ToContainTextAsync("Just between us");
        await Expect(carolWindow.Locator("[data-testid=chat-dialog-entry][data-otr=true]")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(bob, "chat-window");

        // Chat Time: alice pauses and sets it; the others see it, read-only.
        await aliceWindow.GetByTestId("chat-time-pause").ClickAsync();
        await Expect(aliceWindow.GetByTestId("chat-time-resume")).ToBeVisibleAsync();
        await Expect(bobWindow.GetByTestId("chat-time")).ToHaveAttributeAsync("data-running", "false");
        await Expect(bobWindow.GetByTestId("chat-time-pause")).ToHaveCountAsync(0);
        await Expect(bobWindow.GetByTestId("chat-time-edit")).ToHaveCountAsync(0);
        await aliceWindow.GetByTestId("chat-time-edit").ClickAsync();
        await aliceWindow.GetByTestId("chat-time-input").FillAsync("00:42:00");
        await aliceWindow.GetByTestId("chat-time-set").ClickAsync();
        await Expect(carolWindow.GetByTestId("chat-time")).ToHaveTextAsync("00:42:00");
        await Expect(aliceWindow.GetByTestId("chat-time")).ToHaveTextAsync("00:42:00");

        // Bob leaves: his window closes, the others see him go.
        await bobWindow.GetByTestId("chat-leave").ClickAsync();
        await Expect(bob.GetByTestId("chat-window")).ToHaveCountAsync(0);
        await Expect(Entries(aliceWindow, "left")).ToContainTextAsync(["bob left"]);
        await Expect(aliceWindow.GetByTestId("chat-connection-bob")).ToHaveCountAsync(0);

        // Alice, the originator, leaves: it ends for everyone; carol's window says so, shows the length, is read-only.
        await aliceWindow.GetByTestId("chat-leave").ClickAsync();
        await Expect(alice.GetByTestId("chat-window")).ToHaveCountAsync(0);
        await Expect(carolWindow.GetByTestId("chat-ended")).ToContainTextAsync("Length: 00:42:00");
        await Expect(carolWindow.GetByTestId("chat-input")).ToHaveCountAsync(0);
        await Expect(carolWindow.GetByTestId("chat-invite")).ToHaveCountAsync(0);
        await Expect(carol.GetByTestId("chat-live-count")).ToHaveTextAsync("No live chats");
        await Browser.ScreenshotAsync(carol, "chat-window-ended");
        await carolWindow.GetByTestId("chat-close").ClickAsync();
        await Expect(carol.GetByTestId("chat-window")).ToHaveCountAsync(0);

        // Alice is still on the request: the entry arrives without a reload, transcript without the Off the Record line.
        var entry = alice.Locator("[data-testid=activity-entry][data-kind=chat]");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry.GetByTestId("activity-duration")).ToHaveTextAsync("0:42:00");
        await Expect(entry.GetByTestId("activity-transcript")).ToContainTextAsync("Hello bob, the printer again");
        await Expect(entry.GetByTestId("activity-transcript")).ToContainTextAsync("Back on the record");
        await Expect(entry.GetByTestId("activity-transcript")).Not.ToContainTextAsync("Just between us");
        await Browser.ScreenshotAsync(alice, "chat-activity-entry");
    }

    [TestMethod]
    public async Task RequestChatWithoutBob_BobSeesThatItTookPlaceButNotTheTranscript()
    {
        var (alice, bob, carol) = (await SignInAsync("alice"), await SignInAsync("bob"), await SignInAsync("carol"));
        var number = await RequestPages.CreateAsync(alice, "VPN drops at noon");
        await alice.GetByTestId("ribbon-social").ClickAsync();
        await alice.GetByTestId("social-item-chat").ClickAsync();
        await alice.GetByTestId("invite-candidate-carol").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
        await carol.GetByTestId("invitation-accept").ClickAsync();
        var carolWindow = carol.GetByTestId("chat-window");
        await FluentFields.FillAsync(carolWindow.GetByTestId("chat-input"), "The noon backup saturates the link");
        await FluentFields.TextArea(carolWindow.GetByTestId("chat-input")).PressAsync("Enter");
        await Expect(Entries(alice.GetByTestId("chat-window"), "message")).ToContainTextAsync(["The noon backup saturates the link"]);
        await alice.GetByTestId("chat-window").GetByTestId("chat-leave").ClickAsync();
        await Expect(carolWindow.GetByTestId("chat-ended")).ToBeVisibleAsync();
        await carolWindow.GetByTestId("chat-close").ClickAsync();
        await Expect(alice.Locator("[data-testid=activity-entry][data-kind=chat]").GetByTestId("activity-transcript")).ToContainTextAsync("noon backup");

        await bob.GetByTestId("nav-requests").ClickAsync();
        await bob.GetByTestId($"request-row-{number}").GetByRole(AriaRole.Link).First.ClickAsync();
        var bobsEntry = bob.Locator("[data-testid=activity-entry][data-kind=chat]");
        await Expect(bobsEntry).ToHaveCountAsync(1);
        await Expect(bobsEntry.GetByTestId("activity-transcript")).ToHaveCountAsync(0);
        await Expect(bobsEntry).Not.ToContainTextAsync("noon backup");
        await bob.GetByTestId("nav-workbench").ClickAsync();
    }

    [TestMethod]
    public async Task WorkbenchChat_FromTheTile_LandsInMessagesNotOnARequest()
    {
        var (alice, bob) = (await SignInAsync("alice"), await SignInAsync("bob"));
        await Expect(bob.GetByTestId("tile-chat")).ToBeVisibleAsync();
        await Expect(bob.GetByTestId("chat-online-alice")).ToHaveAttributeAsync("data-status", "Available");
        await alice.GetByTestId("nav-workbench").ClickAsync();
        await AvailabilityDropdown.ChooseAsync(alice, "Busy");
        await Expect(bob.GetByTestId("chat-online-alice")).ToHaveAttributeAsync("data-status", "Busy");
        await Browser.ScreenshotAsync(bob, "chat-tile");

        await bob.GetByTestId("chat-start").ClickAsync();
        // The invite window takes the keyboard: Escape cancels it; Invite in the chat window brings it back.
        await KeyboardFocus.ExpectFocusedAsync(bob, "invite-dialog", "the invite window opened");
        await bob.Keyboard.PressAsync("Escape");
        await Expect(bob.GetByTestId("invite-dialog")).ToHaveCountAsync(0);
        await bob.GetByTestId("chat-window").GetByTestId("chat-invite").ClickAsync();
        await Expect(bob.GetByTestId("invite-candidate-alice")).ToHaveAttributeAsync("data-status", "Busy");
        await bob.GetByTestId("invite-candidate-alice").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(bob.GetByTestId("invite-send"));
        await Expect(alice.GetByTestId("invitation-popup")).ToContainTextAsync("bob invites you to chat.");
        await alice.GetByTestId("invitation-accept").ClickAsync();
        await Expect(bob.GetByTestId("chat-live-count")).ToHaveTextAsync("1 live chat");

        var bobWindow = bob.GetByTestId("chat-window");
        var aliceWindow = alice.GetByTestId("chat-window");
        await Expect(aliceWindow).ToContainTextAsync("Workbench chat");
        // Collapsed, the window counts what arrives.
        await aliceWindow.GetByTestId("chat-collapse").ClickAsync();
        await FluentFields.FillAsync(bobWindow.GetByTestId("chat-input"), "Lunch-time patch window: 12:30?");
        await FluentFields.TextArea(bobWindow.GetByTestId("chat-input")).PressAsync("Enter");
        await Expect(aliceWindow.GetByTestId("chat-unread")).ToHaveTextAsync("1");
        await aliceWindow.GetByTestId("chat-collapse").ClickAsync();
        await Expect(aliceWindow.GetByTestId("chat-unread")).ToHaveCountAsync(0);
        await FluentFields.FillAsync(aliceWindow.GetByTestId("chat-input"), "Fine by me");
        await FluentFields.TextArea(aliceWindow.GetByTestId("chat-input")).PressAsync("Enter");
        await Expect(Entries(bobWindow, "message").Last).ToContainTextAsync("Fine by me");

        // The window stays while alice moves between pages.
        await alice.GetByTestId("nav-requests").ClickAsync();
        await Expect(alice.GetByTestId("request-list")).ToBeVisibleAsync();
        await Expect(aliceWindow).ToBeVisibleAsync();
        await Expect(Entries(aliceWindow, "message")).ToHaveCountAsync(2);
        await alice.SetViewportSizeAsync(390, 800);
        try
        {
            await Browser.ScreenshotAsync(alice, "chat-window-narrow");
            var overflow = await alice.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
            Assert.IsFalse(overflow, "the chat window fits a 390 px screen");
        }
        finally
        {
            await alice.SetViewportSizeAsync(1280, 800);
        }

        await bobWindow.GetByTestId("chat-leave").ClickAsync();
        await Expect(aliceWindow.GetByTestId("chat-ended")).ToBeVisibleAsync();
        await aliceWindow.GetByTestId("chat-close").ClickAsync();

        await alice.GetByTestId("nav-messages").ClickAsync();
        var item = alice.GetByTestId("messages-item").First;
        await Expect(item).ToContainTextAsync("alice");
        await Expect(item).ToContainTextAsync("bob");
        await item.ClickAsync();
        await Expect(alice.GetByTestId("messages-transcript")).ToContainTextAsync("Lunch-time patch window: 12:30?");
        await Expect(alice.GetByTestId("messages-export")).ToHaveAttributeAsync("download", new Regex(@"^chat-.*\.md$"));
        await alice.GetByTestId("messages-search").FillAsync("patch window");
        await Expect(alice.GetByTestId("messages-item")).ToHaveCountAsync(1);
        await alice.GetByTestId("messages-search").FillAsync("no such words anywhere");
        await Expect(alice.GetByTestId("messages-item")).ToHaveCountAsync(0);
        await alice.GetByTestId("messages-search").FillAsync(string.Empty);
        await Browser.ScreenshotAsync(alice, "chat-messages");

        // Narrow window: the Messages view still reads.
        await alice.SetViewportSizeAsync(390, 800);
        try
        {
            await Browser.ScreenshotAsync(alice, "chat-messages-narrow");
            var overflow = await alice.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
            Assert.IsFalse(overflow, "nothing sticks out sideways at 390 px");
        }
        finally
        {
            await alice.SetViewportSizeAsync(1280, 800);
        }

        await alice.GetByTestId("nav-workbench").ClickAsync();
        await AvailabilityDropdown.ChooseAsync(alice, "Available");
    }

    private static ILocator Entries(ILocator window, string kind) => window.Locator($"[data-testid=chat-dialog-entry][data-kind={kind}]");

    private static async Task<IPage> SignInAsync(string userName)
    {
        var page = await s_reps.OpenAsync(userName);

        // Chat is up once the tile can start a session.
        await Expect(page.GetByTestId("chat-start")).ToBeEnabledAsync();
        return page;
    }
}
