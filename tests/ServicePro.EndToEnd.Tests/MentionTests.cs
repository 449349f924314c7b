using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// @ mentions and the shell's attention while its tab is hidden, as alice, bob and carol see them in their own browser
/// contexts. Each context records the browser notifications and chimes it raises (an init script wraps
/// <c>window.Notification</c> and <c>AudioContext</c>) and lets the test hide and show the page: headless Chromium keeps
/// every page visible, so <c>document.visibilityState</c> is overridden and <c>visibilitychange</c> raised the way a
/// browser does when the rep switches tabs.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class MentionTests
{
    private const string PageHooks = """
        (() => {
          let hidden = false;
          Object.defineProperty(Document.prototype, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
          Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: () => hidden });
          window.__setHidden = (value) => { hidden = value; document.dispatchEvent(new Event("visibilitychange")); };
          window.__notifications = [];
          window.__chimes = 0;
          const RealNotification = window.Notification;
          if (RealNotification) {
            class RecordedNotification extends RealNotification {
              constructor(title, options) {
                window.__notifications.push({ title, body: options?.body ?? "", tag: options?.tag ?? "" });
                super(title, options);
              }
            }
            Object.defineProperty(RecordedNotification, "permission", { get: () => RealNotification.permission });
            RecordedNotification.requestPermission = (...args) => RealNotification.requestPermission(...args);
            window.Notification = RecordedNotification;
          }
          const RealAudio = window.AudioContext;
          if (RealAudio) {
            window.AudioContext = class extends RealAudio {
              constructor(...args) { window.__chimes++; super(...args); }
            };
          }
        })();
        """;

    private static HostProcess s_host = null!;
    private static Browser s_browser = null!;
    private readonly List<IBrowserContext> _contexts = [];

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        s_host = await HostProcess.StartAsync(TestModulesConfig.WithChat(), cancellationToken: context.CancellationToken);
        s_browser = await Browser.LaunchAsync();
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await Browser.DisposeIfStartedAsync(s_browser);
        await s_host.DisposeAsync();
    }

    [TestCleanup]
    public async Task CloseContexts()
    {
        foreach (var context in _contexts)
        {
            foreach (var page in context.Pages)
            {
                // A rep stays in a session after her page closes: leave it, so the next test starts with none.
                await ChatWindows.LeaveAllAsync(page);

                // Navigating away ends the circuit at once.
                await page.GotoAsync("about:blank");
            }

            await context.CloseAsync();
        }
    }

    [TestMethod]
    public async Task Mention_ChosenWithKeyboardAndMouse_HighlightedForTheMentionedRepOnly_NoticeOnHerCollapsedWindow()
    {
        var (alice, bob, carol) = (await SignInAsync("alice"), await SignInAsync("bob"), await SignInAsync("carol"));
        await StartChatAsync(alice, bob, carol);
        var aliceWindow = alice.GetByTestId("chat-window");
        var input = FluentFields.TextArea(aliceWindow.GetByTestId("chat-input"));
        await FluentFields.ReadyAsync(input);
        var suggestions = aliceWindow.GetByTestId("chat-mention-suggestions");

        // "@" lists the other two; the arrows move, Escape closes and leaves the text alone.
        await input.PressSequentiallyAsync("Привет 你好 👋 @");
        await Expect(suggestions.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await Expect(suggestions).ToHaveAttributeAsync("role", "listbox");
        await Expect(suggestions.GetByTestId("chat-mention-option-bob")).ToHaveAttributeAsync("aria-selected", "true");
        await input.PressAsync("ArrowDown");
        await Expect(suggestions.GetByTestId("chat-mention-option-carol")).ToHaveAttributeAsync("aria-selected", "true");
        // The focused <textarea> sits in fluent-textarea's shadow root: its active option is an element reference (an IDREF cannot leave the shadow root).
        await ExpectActiveDescendantAsync(input, (await suggestions.GetByTestId("chat-mention-option-carol").GetAttributeAsync("id"))!);
        await input.PressAsync("Escape");
        await Expect(suggestions).ToHaveCountAsync(0);
        await Expect(input).ToHaveValueAsync("Привет 你好 👋 @");

        // Typing filters; Enter takes the active name and does not send.
        await input.PressSequentiallyAsync(" @b");
        await Expect(suggestions.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(alice, "chat-mention-suggestions-1280");
        await alice.SetViewportSizeAsync(390, 800);
        await Browser.ScreenshotAsync(alice, "chat-mention-suggestions-390");
        await alice.SetViewportSizeAsync(1280, 800);
        await input.PressAsync("Enter");
        await Expect(input).ToHaveValueAsync("Привет 你好 👋 @ @bob ");
        await Expect(aliceWindow.GetByTestId("chat-dialog-entry").Filter(new() { HasText = "@bob" })).ToHaveCountAsync(0);
        await input.PressSequentiallyAsync("посмотри принтер 🖨️");
        await input.PressAsync("Enter");
        await Expect(input).ToHaveValueAsync(string.Empty);

        // Only bob's entry is marked.
        var text = "Привет 你好 👋 @ @bob посмотри принтер 🖨️";
        await Expect(bob.GetByTestId("chat-dialog-entry").Filter(new() { HasText = text })).ToHaveAttributeAsync("data-mentions-me", "true");
        await Expect(carol.GetByTestId("chat-dialog-entry").Filter(new() { HasText = text })).ToHaveCountAsync(1);
        await Expect(carol.Locator("[data-testid=chat-dialog-entry][data-mentions-me]")).ToHaveCountAsync(0);
        await Expect(alice.Locator("[data-testid=chat-dialog-entry][data-mentions-me]")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(bob, "chat-mention-highlight-1280");
        await bob.SetViewportSizeAsync(390, 800);
        await Browser.ScreenshotAsync(bob, "chat-mention-highlight-390");

        // Carol has collapsed her window; alice picks her with the mouse. Her header tells her, apart from the unread count.
        await carol.GetByTestId("chat-collapse").ClickAsync();
        await input.PressSequentiallyAsync("@");
        await suggestions.GetByTestId("chat-mention-option-carol").ClickAsync();
        await Expect(input).ToHaveValueAsync("@carol ");
        await Expect(input).ToBeFocusedAsync();
        await input.PressSequentiallyAsync("и ты тоже 🙂");
        await SendAsync(input);
        await input.PressSequentiallyAsync("без упоминания");
        await SendAsync(input);
        await Expect(carol.GetByTestId("chat-unread")).ToHaveTextAsync("2");
        await Expect(carol.GetByTestId("chat-mention-notice")).ToHaveTextAsync("@ 1");
        await Expect(bob.GetByTestId("chat-mention-notice")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(carol, "chat-mention-collapsed");
        await carol.GetByTestId("chat-collapse").ClickAsync();
        await Expect(carol.GetByTestId("chat-mention-notice")).ToHaveCountAsync(0);
        await Expect(carol.Locator("[data-testid=chat-dialog-entry][data-mentions-me=true]")).ToContainTextAsync("и ты тоже 🙂");
    }

    [TestMethod]
    public async Task HiddenTab_InvitationAndMention_NotifiedWithChimeAndCountInTitle_ClearedOnReturn()
    {
        var alice = await SignInAsync("alice");
        var bob = await SignInAsync("bob", allowNotifications: true);

        // Notifications are allowed in bob's browser; he switches the chime on, and the choice outlives a reload.
        await Expect(bob.GetByTestId("shell-notifications-on")).ToBeVisibleAsync();
        await Expect(alice.GetByTestId("shell-sound")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(alice.GetByTestId("shell-notifications-on")).ToHaveCountAsync(0);
        await bob.GetByTestId("shell-sound").ClickAsync();
        await Expect(bob.GetByTestId("shell-sound")).ToHaveAttributeAsync("aria-pressed", "true");
        await bob.ReloadAsync();
        await Expect(bob.GetByTestId("shell-sound")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(bob.GetByTestId("chat-start")).ToBeEnabledAsync();
        var title = await bob.TitleAsync();

        // Bob goes to another tab; alice invites him.
        await bob.EvaluateAsync("() => window.__setHidden(true)");
        await alice.GetByTestId("chat-start").ClickAsync();
        await alice.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
        await Expect(bob).ToHaveTitleAsync($"(1) {title}");
        Assert.AreEqual("alice invites you to chat|A Workbench chat", await LastNotificationAsync(bob));

        await bob.GetByTestId("invitation-accept").ClickAsync();
        await Expect(bob.GetByTestId("chat-window")).ToHaveCountAsync(1);
        var input = FluentFields.TextArea(alice.GetByTestId("chat-input"));
        await FluentFields.ReadyAsync(input);
        await input.PressSequentiallyAsync("@bob срочно 紧急 🚨");
        await SendAsync(input);
        await Expect(bob).ToHaveTitleAsync($"(2) {title}");
        Assert.AreEqual("alice mentioned you|@bob срочно 紧急 🚨", await LastNotificationAsync(bob));
        await input.PressSequentiallyAsync("и ещё одно 🙂");
        await SendAsync(input);
        await Expect(bob).ToHaveTitleAsync($"(3) {title}");
        Assert.AreEqual(2, await bob.EvaluateAsync<int>("() => window.__notifications.length"), "a plain message only counts");
        Assert.AreEqual(2, await bob.EvaluateAsync<int>("() => window.__chimes"));

        // Back on the tab: the count goes, and while he looks nothing is raised.
        await bob.EvaluateAsync("() => window.__setHidden(false)");
        await Expect(bob).ToHaveTitleAsync(title);
        await input.PressSequentiallyAsync("@bob ты здесь?");
        await SendAsync(input);
        await Expect(bob.Locator("[data-testid=chat-dialog-entry][data-mentions-me=true]")).ToHaveCountAsync(2);
        await Expect(bob).ToHaveTitleAsync(title);
        Assert.AreEqual(2, await bob.EvaluateAsync<int>("() => window.__notifications.length"));
    }

    /// <summary>Waits until the focused text entry's aria-activedescendant element is the option with <paramref name="optionId"/>.</summary>
    private static async Task ExpectActiveDescendantAsync(ILocator input, string optionId) =>
        await input.Page.WaitForFunctionAsync(
            "([box, id]) => box.ariaActiveDescendantElement?.id === id && box.ariaControlsElements?.[0]?.getAttribute('role') === 'listbox' && box.getAttribute('aria-label') === 'Message'",
            new object[] { await input.ElementHandleAsync(), optionId });

    /// <summary>Enter, then wait for the entry to empty as the rep would before typing the next message.</summary>
    private static async Task SendAsync(ILocator input)
    {
        await input.PressAsync("Enter");
        await Expect(input).ToHaveValueAsync(string.Empty);
    }

    private static async Task<string> LastNotificationAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => { const n = window.__notifications.at(-1); return n ? `${n.title}|${n.body}` : ''; }");

    private static async Task StartChatAsync(IPage originator, params IPage[] invitees)
    {
        await originator.GetByTestId("chat-start").ClickAsync();
        foreach (var invitee in invitees)
        {
            var name = await invitee.GetByTestId("current-user").TextContentAsync();
            await originator.GetByTestId($"invite-candidate-{name}").Locator("input").CheckAsync();
        }

        await FluentFields.ClickWhenEnabledAsync(originator.GetByTestId("invite-send"));
        foreach (var invitee in invitees)
        {
            await invitee.GetByTestId("invitation-accept").ClickAsync();
            await Expect(invitee.GetByTestId("chat-window")).ToHaveCountAsync(1);
        }

        await Expect(originator.GetByTestId("chat-connections").Locator(".chat-connection")).ToHaveCountAsync(invitees.Length + 1);
    }

    private async Task<IPage> SignInAsync(string userName, bool allowNotifications = false)
    {
        var context = await s_browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = s_host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Permissions = allowNotifications ? ["notifications"] : [],
        });
        _contexts.Add(context);
        await CspViolations.WatchAsync(context);
        await context.AddInitScriptAsync(PageHooks);
        var page = await context.NewPageAsync();
        await Browser.SignInOnPageAsync(page, userName);
        await Expect(page.GetByTestId("chat-start")).ToBeEnabledAsync();
        return page;
    }
}
