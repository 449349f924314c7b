using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Text as long as the UI allows, in scripts whose characters take two to four bytes: it is saved and shown after a
/// reload, and what is over the limit gets the clear message while the box keeps the text. Limits count UTF-16 code
/// units, as the browser's <c>maxlength</c> and the database columns do: an emoji counts as two characters, so 2,500
/// emoji are 5,000 of a note's 10,000.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed partial class LongTextTests
{
    private const int Limit = 10_000;
    private const int ChatLimit = 4_000;

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
    [DataRow("Cyrillic", Limit)]
    [DataRow("CJK", Limit)]
    [DataRow("Emoji", 2_500)]
    public async Task DescriptionAndNote_AtTheLimitInAnyScript_SavedAndShownAfterReload(string script, int characters)
    {
        var text = Text(script, characters);
        var alice = await s_reps.OpenAsync("alice");

        var number = await CreateRequestAsync(alice, $"Long {script} text", text);
        await Expect(alice.GetByTestId("request-description")).ToHaveTextAsync(text);

        await FluentFields.FillAsync(alice.GetByTestId("request-note"), text);
        await alice.GetByTestId("request-note-add").ClickAsync();
        await Expect(alice.GetByTestId("activity-note")).ToHaveTextAsync(text);
        await Expect(FluentFields.TextArea(alice.GetByTestId("request-note"))).ToHaveValueAsync(string.Empty);
        await Expect(alice.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");

        await alice.GotoAsync($"requests/{number}");
        await Expect(alice.GetByTestId("request-description")).ToHaveTextAsync(text);
        await Expect(alice.GetByTestId("activity-note")).ToHaveTextAsync(text);
        if (script == "Cyrillic")
        {
            await Expect(alice.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");
            await ScreenshotsAsync(alice, "request-10000-cyrillic-note");
        }
    }

    [TestMethod]
    public async Task NoteAndDescription_OverTheLimit_ClearMessageAndTheTextStaysInTheBox()
    {
        var tooLong = Text("Cyrillic", Limit + 1);
        var bob = await s_reps.OpenAsync("bob");

        await OpenNewRequestFormAsync(bob);
        await bob.GetByTestId("request-title").FillAsync("Описание слишком длинное");
        await FluentFields.FillAsync(bob.GetByTestId("request-description"), tooLong);
        await bob.GetByTestId("request-save").ClickAsync();
        await Expect(bob.GetByTestId("request-error")).ToHaveTextAsync($"The description is too long: {Limit + 1} characters, at most {Limit}.");
        await Expect(FluentFields.TextArea(bob.GetByTestId("request-description"))).ToHaveValueAsync(tooLong);

        // Under a description as long as allowed, the note's message shows where the rep is: beside the note box.
        var number = await CreateRequestAsync(bob, "Заметка слишком длинная", tooLong[..Limit]);
        await FluentFields.FillAsync(bob.GetByTestId("request-note"), tooLong);
        await bob.GetByTestId("request-note-add").ClickAsync();
        await Expect(bob.GetByTestId("request-error")).ToHaveTextAsync($"The note is too long: {Limit + 1} characters, at most {Limit}.");
        await Expect(bob.GetByTestId("request-error")).ToBeInViewportAsync();
        await Expect(FluentFields.TextArea(bob.GetByTestId("request-note"))).ToHaveValueAsync(tooLong);
        await Expect(bob.GetByTestId("activity-note")).ToHaveCountAsync(0);
        await ScreenshotsAsync(bob, "request-note-over-limit", bob.GetByTestId("request-error"));

        // Still working: the same box, shortened by one character, is saved.
        await FluentFields.FillAsync(bob.GetByTestId("request-note"), tooLong[..Limit]);
        await bob.GetByTestId("request-note-add").ClickAsync();
        await Expect(bob.GetByTestId("activity-note")).ToHaveTextAsync(tooLong[..Limit]);
        await Expect(bob.GetByTestId("request-error")).ToHaveCountAsync(0);
        await bob.GotoAsync($"requests/{number}");
        await Expect(bob.GetByTestId("activity-note")).ToHaveTextAsync(tooLong[..Limit]);
    }

    [TestMethod]
    public async Task ChatMessage_FourThousandCjkCharacters_ArrivesAndIsInTheTranscriptAfterReload()
    {
        var text = Text("CJK", ChatLimit);
        var alice = await s_reps.OpenAsync("alice");
        var bob = await s_reps.OpenAsync("bob");
        await Expect(alice.GetByTestId("chat-start")).ToBeEnabledAsync();
        await Expect(bob.GetByTestId("chat-start")).ToBeEnabledAsync();

        await alice.GetByTestId("chat-start").ClickAsync();
        await alice.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
        await bob.GetByTestId("invitation-accept").ClickAsync();
        var aliceWindow = alice.GetByTestId("chat-window");
        await Expect(aliceWindow.GetByTestId("chat-connection-bob")).ToBeVisibleAsync();

        await FluentFields.FillAsync(aliceWindow.GetByTestId("chat-input"), text);
        await aliceWindow.GetByTestId("chat-send").ClickAsync();
        await Expect(Messages(bob)).ToHaveTextAsync([new Regex(Regex.Escape(text))]);
        await Expect(FluentFields.TextArea(aliceWindow.GetByTestId("chat-input"))).ToHaveValueAsync(string.Empty);

        // After a reload the window comes back with the message, read from the server.
        await bob.ReloadAsync();
        await Expect(bob.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(Messages(bob)).ToHaveTextAsync([new Regex(Regex.Escape(text))]);
        await aliceWindow.GetByTestId("chat-leave").ClickAsync();
        await Expect(bob.GetByTestId("chat-ended")).ToBeVisibleAsync();
    }

    /// <summary>Exactly <paramref name="characters"/> user-visible characters of real prose in the script.</summary>
    private static string Text(string script, int characters)
    {
        string[] elements = script switch
        {
            "Cyrillic" => [.. "Съешь же ещё этих мягких французских булок, да выпей чаю. ".Select(c => c.ToString())],
            "CJK" => [.. "我能吞下玻璃而不伤身体。敏捷的棕色狐狸跳过了懒狗。".Select(c => c.ToString())],
            "Emoji" => ["😀", "🚀", "🎉", "👍", "🔥", "💡", "🧾", "📞"],
            _ => throw new ArgumentOutOfRangeException(nameof(script)),
        };
        var text = new StringBuilder();
        for (var i = 0; i < characters; i++)
        {
            text.Append(elements[i % elements.Length]);
        }

        return text.ToString();
    }

    private static ILocator Messages(IPage page) => page.Locator("[data-testid=chat-window] [data-testid=chat-dialog-entry][data-kind=message]");

    private static async Task<int> CreateRequestAsync(IPage page, string title, string description)
    {
        await OpenNewRequestFormAsync(page);
        await page.GetByTestId("request-title").FillAsync(title);
        await FluentFields.FillAsync(page.GetByTestId("request-description"), description);
        await page.GetByTestId("request-save").ClickAsync();
        await Expect(page).ToHaveURLAsync(RequestUrl());
        await Expect(page.GetByTestId("request-heading")).ToBeVisibleAsync();
        return int.Parse(RequestUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task OpenNewRequestFormAsync(IPage page)
    {
        await page.GetByTestId("nav-requests").ClickAsync();
        await Expect(page.GetByTestId("request-list")).ToBeVisibleAsync();
        await page.GetByTestId("request-new").ClickAsync();
        await Expect(page.GetByTestId("request-save")).ToBeVisibleAsync();
    }

    /// <summary>
    /// The page at 1280 x 800 and 390 px wide (what the rep sees, and the whole page), where nothing may stick out
    /// sideways.
    /// </summary>
    private static async Task ScreenshotsAsync(IPage page, string name, ILocator? focus = null)
    {
        Directory.CreateDirectory(Browser.ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotDirectory, name + "-1280x800.png") });
        await Browser.ScreenshotAsync(page, name);
        await page.SetViewportSizeAsync(390, 800);
        try
        {
            if (focus is not null)
            {
                await focus.ScrollIntoViewIfNeededAsync();
            }

            await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotDirectory, name + "-390x800.png") });
            await Browser.ScreenshotAsync(page, name + "-narrow");
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
            Assert.IsFalse(overflow, "nothing sticks out sideways at 390 px");
        }
        finally
        {
            await page.SetViewportSizeAsync(1280, 800);
        }
    }

    [GeneratedRegex(@"/requests/(\d+)$")]
    private static partial Regex RequestUrl();
}
