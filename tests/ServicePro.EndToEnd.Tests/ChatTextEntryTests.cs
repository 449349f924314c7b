using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// The chat's text entry on FluentTextArea and its Off the Record recipient on FluentSelect, in a real browser: Enter
/// pressed the moment the text is in the box sends exactly that text (no binding delay may shorten or repeat it), and
/// both controls are pictured at 1280 and 390 px in light and dark.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatTextEntryTests
{
    /// <summary>ChatConstants.MaxMessageLength: UTF-16 code units, as the box's maxlength and the server count them.</summary>
    private const int Limit = 4_000;

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
    public async Task CloseSessions()
    {
        // Alice, the originator, leaves: the chat ends, so the next test's reps start with no chat window.
        foreach (var (userName, page) in s_reps.Open.Where(o => o.UserName == "alice").ToList())
        {
            var leave = page.GetByTestId("chat-leave");
            if (await leave.CountAsync() == 1)
            {
                await leave.ClickAsync();
                await Expect(page.GetByTestId("chat-window")).ToHaveCountAsync(0);
            }
        }

        await s_reps.CloseAllAsync();
    }

    [TestMethod]
    public async Task TextEntry_CyrillicCjkEmojiAtTheLimitThenEnterAtOnce_OtherRepGetsExactlyThatText()
    {
        var (alice, bob) = await StartChatAsync();
        var text = MixedText(Limit);
        Assert.AreEqual(Limit, text.Length);
        var box = FluentFields.TextArea(alice.GetByTestId("chat-window").GetByTestId("chat-input"));
        await FluentFields.ReadyAsync(box);
        Assert.AreEqual(Limit.ToString(CultureInfo.InvariantCulture), await box.GetAttributeAsync("maxlength"));

        await box.FillAsync(text);
        await box.PressAsync("Enter");

        await Expect(Messages(bob)).ToHaveCountAsync(1);
        Assert.AreEqual(text, await Messages(bob).Locator(".chat-entry-text").TextContentAsync());
        await Expect(box).ToHaveValueAsync(string.Empty);
    }

    [TestMethod]
    public async Task TextEntry_TypeEnterAtOnceTypeMoreEnter_EachMessageExactlyAsTyped()
    {
        var (alice, bob) = await StartChatAsync();
        var aliceWindow = alice.GetByTestId("chat-window");
        var box = FluentFields.TextArea(aliceWindow.GetByTestId("chat-input"));
        await FluentFields.ReadyAsync(box);
        const string first = "Привет 你好 👋";
        const string second = "второе 第二 🚀";

        // Enter the instant the last key is down, then straight on with the next message while the first is on its way.
        await box.PressSequentiallyAsync(first);
        await box.PressAsync("Enter");
        await box.PressSequentiallyAsync(second);
        await Expect(Messages(alice)).ToHaveCountAsync(1);
        await Expect(box).ToHaveValueAsync(second);
        await Pictures(alice, "chat-entry-typed");
        await box.PressAsync("Enter");

        await Expect(Messages(bob)).ToHaveCountAsync(2);
        CollectionAssert.AreEqual(new[] { first, second }, (await Messages(bob).Locator(".chat-entry-text").AllTextContentsAsync()).ToArray());
        await Expect(box).ToHaveValueAsync(string.Empty);

        // Shift+Enter adds a line and does not send.
        await box.PressSequentiallyAsync("строка 1");
        await box.PressAsync("Shift+Enter");
        await box.PressSequentiallyAsync("行 2 ✅");
        await Expect(box).ToHaveValueAsync("строка 1\n行 2 ✅");
        await Expect(Messages(bob)).ToHaveCountAsync(2);
        await box.PressAsync("Enter");
        await Expect(Messages(bob)).ToHaveCountAsync(3);
        Assert.AreEqual("строка 1\n行 2 ✅", await Messages(bob).Last.Locator(".chat-entry-text").TextContentAsync());
    }

    [TestMethod]
    public async Task TextEntry_TextNoKeystrokeReported_EnterAndSendStillSendWhatIsOnScreen()
    {
        // Keys typed into a window that has just opened can land before Fluent attaches its per-keystroke listener (it
        // does so after the first render): the box shows text the circuit never heard of. Put there without any event,
        // that text must still be what Enter, and the Send button, send.
        var (alice, bob) = await StartChatAsync();
        var aliceWindow = alice.GetByTestId("chat-window");
        var box = FluentFields.TextArea(aliceWindow.GetByTestId("chat-input"));
        await FluentFields.ReadyAsync(box);

        await FluentFields.PutTextWithoutKeystrokeAsync(box, "Печать снова 打印机 🖨️");
        await box.PressAsync("Enter");
        await Expect(Messages(bob)).ToHaveCountAsync(1);
        Assert.AreEqual("Печать снова 打印机 🖨️", await Messages(bob).Locator(".chat-entry-text").TextContentAsync());
        await Expect(box).ToHaveValueAsync(string.Empty);

        await FluentFields.PutTextWithoutKeystrokeAsync(box, "И по кнопке 按钮 ✅");
        await aliceWindow.GetByTestId("chat-send").ClickAsync();
        await Expect(Messages(bob)).ToHaveCountAsync(2);
        Assert.AreEqual("И по кнопке 按钮 ✅", await Messages(bob).Last.Locator(".chat-entry-text").TextContentAsync());
        await Expect(box).ToHaveValueAsync(string.Empty);
    }

    [TestMethod]
    public async Task OffTheRecordRecipient_OtherAttendeesByDisplayName_ChosenOneGetsTheMessage()
    {
        var (alice, bob) = await StartChatAsync();
        var aliceWindow = alice.GetByTestId("chat-window");
        await aliceWindow.GetByTestId("chat-otr").CheckAsync();
        var recipient = aliceWindow.GetByTestId("chat-otr-recipient");
        Assert.AreEqual("Off the Record with", await recipient.GetAttributeAsync("aria-label"));
        Assert.AreEqual(string.Empty, await FluentFields.ChosenTextAsync(recipient));
        await Expect(recipient).ToContainTextAsync("With whom?");

        await recipient.ClickAsync();
        var options = recipient.Locator("fluent-option");
        await Expect(options).ToHaveCountAsync(1);
        await Expect(options).ToHaveAttributeAsync("value", "bob");
        await Pictures(alice, "chat-otr-recipient-open");
        await alice.Keyboard.PressAsync("Escape");

        await FluentFields.ChooseAsync(recipient, "bob");
        Assert.AreEqual("bob", await FluentFields.ChosenTextAsync(recipient));
        await FluentFields.FillAsync(aliceWindow.GetByTestId("chat-input"), "Между нами: 秘密 🤫");
        await FluentFields.TextArea(aliceWindow.GetByTestId("chat-input")).PressAsync("Enter");
        await Expect(bob.Locator("[data-testid=chat-dialog-entry][data-otr=true]")).ToContainTextAsync("Между нами: 秘密 🤫");
    }

    /// <summary>Exactly <paramref name="length"/> UTF-16 code units of Cyrillic, CJK and emoji (never half an emoji), ending in a letter.</summary>
    private static string MixedText(int length)
    {
        string[] pieces = ["Съешь ещё булок, ", "我能吞下玻璃而不伤身体。", "😀", "🚀", "👋🏽", "Ж"];
        var text = new StringBuilder();
        for (var i = 0; text.Length < length - 1; i++)
        {
            var piece = pieces[i % pieces.Length];
            text.Append(text.Length + piece.Length <= length - 1 ? piece : new string('Ж', length - 1 - text.Length));
        }

        return text.Append('я').ToString();
    }

    private static ILocator Messages(IPage page) => page.Locator("[data-testid=chat-window] [data-testid=chat-dialog-entry][data-kind=message]");

    private static async Task<(IPage Alice, IPage Bob)> StartChatAsync()
    {
        var (alice, bob) = (await SignInAsync("alice"), await SignInAsync("bob"));
        await alice.GetByTestId("chat-start").ClickAsync();
        await alice.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
        await bob.GetByTestId("invitation-accept").ClickAsync();
        await Expect(alice.GetByTestId("chat-window").GetByTestId("chat-connection-bob")).ToBeVisibleAsync();
        return (alice, bob);
    }

    private static async Task<IPage> SignInAsync(string userName)
    {
        var page = await s_reps.OpenAsync(userName);
        await Expect(page.GetByTestId("chat-start")).ToHaveAttributeAsync("aria-disabled", "false");
        return page;
    }

    /// <summary>The page at 1280×800 and 390 px wide, light and dark.</summary>
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

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.SetViewportSizeAsync(1280, 800);
    }
}
