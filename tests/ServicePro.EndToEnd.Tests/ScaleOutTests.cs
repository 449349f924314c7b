using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Two hosts on one PostgreSQL database and one Redis, as behind a load balancer with sticky sessions: alice and carol
/// work on host A, bob on host B. Everything a rep sees of another rep crosses the hosts.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed partial class ScaleOutTests
{
    private static readonly List<HostProcess> s_hosts = [];
    private static Browser s_browser = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        var deployment = await ScaleOutSettings.SharedAsync(context.CancellationToken);

        // One after the other: the first migrates the shared database.
        s_hosts.Add(await HostProcess.StartAsync(TestModulesConfig.WithChat(), deployment.With(), context.CancellationToken));
        s_hosts.Add(await HostProcess.StartAsync(TestModulesConfig.WithChat(), deployment.With(), context.CancellationToken));
        s_browser = await Browser.LaunchAsync();
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await Browser.DisposeIfStartedAsync(s_browser);
        Directory.CreateDirectory(Browser.ScreenshotDirectory);
        for (var i = 0; i < s_hosts.Count; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(Browser.ScreenshotDirectory, "..", $"scale-out-host-{(char)('a' + i)}.log"), s_hosts[i].Output);
            await s_hosts[i].DisposeAsync();
        }
    }

    [TestMethod]
    public async Task AliceOnA_BobOnB_CarolOnA_ChatOffTheRecordChatTimeEnd_ActivityStreamOnceLiveOnBothHosts()
    {
        var (a, b) = (s_hosts[0], s_hosts[1]);
        var alice = await SignInAsync(a, "alice");
        var bob = await SignInAsync(b, "bob");
        var carol = await SignInAsync(a, "carol");

        // What reaches carol's browser, every frame of every socket: the Off the Record text must never be among them.
        var carolsWire = new ConcurrentQueue<string>();
        carol.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            carolsWire.Enqueue(frame.Binary is { } bytes ? Encoding.UTF8.GetString(bytes) : frame.Text ?? string.Empty);
        await carol.ReloadAsync();
        await Expect(carol.GetByTestId("chat-start")).ToBeEnabledAsync();

        // Presence crosses the hosts both ways.
        await Expect(bob.GetByTestId("chat-online-alice")).ToHaveAttributeAsync("data-status", "Available");
        await Expect(alice.GetByTestId("chat-online-bob")).ToHaveAttributeAsync("data-status", "Available");
        await AvailabilityDropdown.ChooseAsync(bob, "Busy");
        await Expect(alice.GetByTestId("chat-online-bob")).ToHaveAttributeAsync("data-status", "Busy");
        await AvailabilityDropdown.ChooseAsync(bob, "Available");
        await Expect(alice.GetByTestId("chat-online-bob")).ToHaveAttributeAsync("data-status", "Available");

        var number = await CreateRequestAsync(alice, "Заявка 打印机 jams 🖨️");
        await bob.GetByTestId("nav-requests").ClickAsync();
        await bob.GetByTestId($"request-row-{number}").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(bob.GetByTestId("request-heading")).ToBeVisibleAsync();

        await alice.GetByTestId("ribbon-social").ClickAsync();
        await alice.GetByTestId("social-item-chat").ClickAsync();
        await alice.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
        await alice.GetByTestId("invite-candidate-carol").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
        var aliceWindow = alice.GetByTestId("chat-window");
        var sessionId = await aliceWindow.GetAttributeAsync("data-session-id");

        await Expect(bob.GetByTestId("invitation-popup")).ToContainTextAsync("alice");
        await bob.GetByTestId("invitation-accept").ClickAsync();
        await carol.GetByTestId("invitation-accept").ClickAsync();
        var bobWindow = bob.GetByTestId("chat-window");
        var carolWindow = carol.GetByTestId("chat-window");
        await Expect(bobWindow).ToHaveAttributeAsync("data-session-id", sessionId!);
        await Expect(aliceWindow.GetByTestId("chat-connection-bob")).ToBeVisibleAsync();
        await Expect(aliceWindow.GetByTestId("chat-connection-carol")).ToBeVisibleAsync();

        await SendAsync(aliceWindow, "Привет, bob: 打印机又卡纸了 🙈");
        await Expect(Entries(bobWindow, "message").Last).ToContainTextAsync("Привет, bob: 打印机又卡纸了 🙈");
        await SendAsync(bobWindow, "Сейчас посмотрю 👀");
        await Expect(Entries(aliceWindow, "message").Last).ToContainTextAsync("Сейчас посмотрю 👀");
        await Expect(Entries(carolWindow, "message")).ToHaveCountAsync(2);

        // The longest message a rep may type (4,000 UTF-16 units: an emoji is two) reaches shells on the other host.
        var longest = string.Concat(Enumerable.Repeat("Я字😀", 1_000));
        await SendAsync(bobWindow, longest);
        await Expect(Entries(aliceWindow, "message").Last).ToContainTextAsync(longest);
        await Expect(Entries(carolWindow, "message")).ToHaveCountAsync(3);

        // Off the Record from alice (A) to bob (B), carol (A) in the session: bob sees it, carol neither sees nor receives it.
        const string secret = "Только между нами: 秘密 🤫";
        await aliceWindow.GetByTestId("chat-otr").CheckAsync();
        await FluentFields.ChooseAsync(aliceWindow.GetByTestId("chat-otr-recipient"), "bob");
        await SendAsync(aliceWindow, secret);
        await Expect(bobWindow.Locator("[data-testid=chat-dialog-entry][data-otr=true]")).ToContainTextAsync(secret);
        await aliceWindow.GetByTestId("chat-otr").UncheckAsync();
        await SendAsync(aliceWindow, "Back on the record");
        await Expect(Entries(carolWindow, "message").Last).ToContainTextAsync("Back on the record");
        await Expect(carolWindow.GetByTestId("chat-dialog")).Not.ToContainTextAsync(secret);

        // Chat Time set on A shows on B.
        await aliceWindow.GetByTestId("chat-time-pause").ClickAsync();
        await aliceWindow.GetByTestId("chat-time-edit").ClickAsync();
        await aliceWindow.GetByTestId("chat-time-input").FillAsync("00:17:00");
        await aliceWindow.GetByTestId("chat-time-set").ClickAsync();
        await Expect(bobWindow.GetByTestId("chat-time")).ToHaveTextAsync("00:17:00");
        await Browser.ScreenshotAsync(bob, "scale-out-bob-on-host-b");

        // Alice ends it: the request's Activity Stream gets the chat once, live on A (alice) and on B (bob).
        await aliceWindow.GetByTestId("chat-leave").ClickAsync();
        await Expect(bobWindow.GetByTestId("chat-ended")).ToContainTextAsync("Length: 00:17:00");
        await bobWindow.GetByTestId("chat-close").ClickAsync();
        await carolWindow.GetByTestId("chat-close").ClickAsync();
        foreach (var page in new[] { alice, bob })
        {
            var entry = page.Locator("[data-testid=activity-entry][data-kind=chat]");
            await Expect(entry).ToHaveCountAsync(1);
            await Expect(entry.GetByTestId("activity-duration")).ToHaveTextAsync("0:17:00");
            await Expect(entry.GetByTestId("activity-transcript")).ToContainTextAsync("Сейчас посмотрю 👀");
            await Expect(entry.GetByTestId("activity-transcript")).Not.ToContainTextAsync(secret);
        }

        await Browser.ScreenshotAsync(alice, "scale-out-activity-on-host-a");
        Assert.IsFalse(carolsWire.Any(f => f.Contains("秘密", StringComparison.Ordinal)), "the Off the Record text never reaches carol's browser");
        Assert.IsTrue(carolsWire.Any(f => f.Contains("Back on the record", StringComparison.Ordinal)), "carol's frames were recorded (her messages arrived through them)");

        // Still exactly one entry after both pages load the request again from the database.
        await bob.ReloadAsync();
        await Expect(bob.Locator("[data-testid=activity-entry][data-kind=chat]")).ToHaveCountAsync(1);
    }

    private static async Task SendAsync(ILocator window, string text)
    {
        await FluentFields.FillAsync(window.GetByTestId("chat-input"), text);
        await window.GetByTestId("chat-send").ClickAsync();
        await Expect(FluentFields.TextArea(window.GetByTestId("chat-input"))).ToHaveValueAsync(string.Empty);
    }

    private static ILocator Entries(ILocator window, string kind) => window.Locator($"[data-testid=chat-dialog-entry][data-kind={kind}]");

    private static async Task<IPage> SignInAsync(HostProcess host, string userName)
    {
        var page = await s_browser.SignInAsync(host, userName);
        await Expect(page.GetByTestId("chat-start")).ToBeEnabledAsync();
        return page;
    }

    private static async Task<int> CreateRequestAsync(IPage page, string title)
    {
        await page.GetByTestId("nav-requests").ClickAsync();
        await page.GetByTestId("request-new").ClickAsync();
        await page.GetByTestId("request-title").FillAsync(title);
        await page.GetByTestId("request-save").ClickAsync();
        await Expect(page).ToHaveURLAsync(RequestUrl());
        return int.Parse(RequestUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/requests/(\d+)$")]
    private static partial Regex RequestUrl();
}
