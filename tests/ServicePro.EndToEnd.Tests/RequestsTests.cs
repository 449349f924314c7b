using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Two reps on the Requests module in two browsers: one creates a request and changes it, the other, with the request
/// open, sees the Activity Stream follow without a reload.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed partial class RequestsTests
{
    private static HostProcess s_host = null!;
    private static Browser s_browser = null!;
    private static RepSessions s_reps = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        s_host = await HostProcess.StartAsync(TestModulesConfig.WithRequests(), cancellationToken: context.CancellationToken);
        s_browser = await Browser.LaunchAsync();
        s_reps = new RepSessions(s_browser, s_host);
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await Browser.DisposeIfStartedAsync(s_browser);
        // The host's log, for when a test fails (a circuit the server closed says why only there).
        Directory.CreateDirectory(Browser.ScreenshotDirectory);
        await File.WriteAllTextAsync(Path.Combine(Browser.ScreenshotDirectory, "..", "requests-host.log"), s_host.Output);
        await s_host.DisposeAsync();
    }

    /// <summary>Fresh pages for every test: nothing one test leaves open is seen by the next.</summary>
    [TestCleanup]
    public Task CloseReps() => s_reps.CloseAllAsync();

    [TestMethod]
    public async Task CreateOpenChangeStatus_ActivityStreamUpdatesInAnotherBrowserWithoutReload()
    {
        var alice = await s_reps.OpenAsync("alice");
        var bob = await s_reps.OpenAsync("bob");

        await alice.GetByTestId("nav-requests").ClickAsync();
        await Expect(alice.GetByTestId("request-list")).ToBeVisibleAsync();
        await alice.GetByTestId("request-new").ClickAsync();
        await alice.GetByTestId("request-title").FillAsync("Printer on fire <b>now</b>");
        await alice.GetByTestId("request-requester").FillAsync("Dana from Finance");
        await FluentFields.ChooseAsync(alice.GetByTestId("request-assignee"), "bob");
        await FluentFields.FillAsync(alice.GetByTestId("request-description"), "Smoke from tray 2.\nPlease hurry.");
        await Browser.ScreenshotAsync(alice, "request-new");
        await alice.GetByTestId("request-save").ClickAsync();

        await Expect(alice).ToHaveURLAsync(RequestUrl());
        var number = int.Parse(RequestUrl().Match(alice.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(alice.GetByTestId("request-heading")).ToHaveTextAsync($"#{number} Printer on fire <b>now</b>");
        await Expect(alice.GetByTestId("activity-entry")).ToHaveCountAsync(1);
        await Expect(alice.GetByTestId("activity-entry").First).ToHaveAttributeAsync("data-kind", "created");

        // Bob finds it on his Workbench tile and opens it.
        await Expect(bob.GetByTestId($"tile-request-{number}")).ToBeVisibleAsync();
        await bob.GetByTestId($"tile-request-{number}").ClickAsync();
        await Expect(bob.GetByTestId("activity-stream")).ToBeVisibleAsync();
        await Expect(bob.GetByTestId("activity-entry")).ToHaveCountAsync(1);
        await Expect(bob.GetByTestId("ribbon")).ToBeVisibleAsync();

        await FluentFields.ChooseAsync(alice.GetByTestId("request-status"), "InProgress");
        await Expect(alice.Locator("[data-testid=activity-entry][data-kind=status]")).ToHaveCountAsync(1);

        // No reload in Bob's browser: the entry arrives, newest first.
        await Expect(bob.Locator("[data-testid=activity-entry][data-kind=status]")).ToHaveCountAsync(1);
        await Expect(bob.GetByTestId("activity-entry").First).ToHaveAttributeAsync("data-kind", "status");
        await Expect(bob.GetByTestId("activity-entry").First).ToContainTextAsync("changed the status from New to In progress");
        await Expect(bob.GetByTestId("request-status")).ToHaveJSPropertyAsync("value", "InProgress");
        Assert.AreEqual("In progress", await FluentFields.ChosenTextAsync(bob.GetByTestId("request-status")));

        await FluentFields.FillAsync(alice.GetByTestId("request-note"), "<script>alert('x')</script> called Dana");
        await alice.GetByTestId("request-note-add").ClickAsync();
        await Expect(bob.Locator("[data-testid=activity-entry][data-kind=note]")).ToContainTextAsync("<script>alert('x')</script> called Dana");
        await Browser.ScreenshotAsync(bob, "request-activity-live");

        await bob.GetByTestId("activity-order").ClickAsync();
        await Expect(bob.GetByTestId("activity-entry").First).ToHaveAttributeAsync("data-kind", "created");

        await alice.GotoAsync("requests");
        await Expect(alice.GetByTestId($"request-row-{number}")).ToBeVisibleAsync();
        await alice.GetByTestId("request-filter-text").FillAsync("dana from");
        await alice.GetByTestId("request-filter-text").PressAsync("Enter");
        await Expect(alice.GetByTestId("request-page-info")).ToContainTextAsync("· 1 request");
        await FluentFields.ChooseAsync(alice.GetByTestId("request-filter-status"), "Closed");
        await Expect(alice.GetByTestId("request-list-empty")).ToBeVisibleAsync();
        await FluentFields.ChooseAsync(alice.GetByTestId("request-filter-status"), "InProgress");
        await Expect(alice.GetByTestId($"request-row-{number}")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(alice, "request-list");
        await bob.GotoAsync("");
        await Expect(bob.GetByTestId("tile-requests")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(bob, "workbench-requests-tile");
    }

    [TestMethod]
    public async Task BadInput_ClearMessagesAndNothingLost()
    {
        var carol = await s_reps.OpenAsync("carol");
        await OpenNewRequestFormAsync(carol);

        await FluentFields.FillAsync(carol.GetByTestId("request-description"), "kept while the title is missing");
        await carol.GetByTestId("request-save").ClickAsync();
        await Expect(carol.GetByTestId("request-error")).ToHaveTextAsync("Enter a title.");
        await Expect(FluentFields.TextArea(carol.GetByTestId("request-description"))).ToHaveValueAsync("kept while the title is missing");

        await carol.GetByTestId("request-title").FillAsync(new string('x', 201));
        await carol.GetByTestId("request-save").ClickAsync();
        await Expect(carol.GetByTestId("request-error")).ToHaveTextAsync("The title is too long: 201 characters, at most 200.");
        await Browser.ScreenshotAsync(carol, "request-new-error");

        await carol.GotoAsync("requests/999999");
        await Expect(carol.GetByTestId("request-not-found")).ToContainTextAsync("Request #999999 does not exist.");
    }

    [TestMethod]
    public async Task RequestPage_NarrowWindow_Readable()
    {
        var alice = await s_reps.OpenAsync("alice");
        await OpenNewRequestFormAsync(alice);
        await alice.GetByTestId("request-title").FillAsync("A long title that has to wrap on a narrow phone screen without overflowing");
        await alice.GetByTestId("request-save").ClickAsync();
        await Expect(alice.GetByTestId("request-heading")).ToBeVisibleAsync();
        await FluentFields.FillAsync(alice.GetByTestId("request-note"), "A note that is long enough to wrap over a couple of lines on a narrow screen.");
        await alice.GetByTestId("request-note-add").ClickAsync();
        await Expect(alice.Locator("[data-testid=activity-entry][data-kind=note]")).ToHaveCountAsync(1);

        await alice.SetViewportSizeAsync(390, 800);
        try
        {
            await Browser.ScreenshotAsync(alice, "request-narrow");
            var overflow = await alice.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
            Assert.IsFalse(overflow, "nothing sticks out sideways at 390 px");
            await alice.GotoAsync("requests");
            await Expect(alice.GetByTestId("request-list")).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(alice, "request-list-narrow");
        }
        finally
        {
            await alice.SetViewportSizeAsync(1280, 800);
        }
    }

    [TestMethod]
    public async Task ChatEntry_TranscriptForParticipantsAndPrivileged_OthersSeeThatItTookPlace()
    {
        var alice = await s_reps.OpenAsync("alice");
        await OpenNewRequestFormAsync(alice);
        await alice.GetByTestId("request-title").FillAsync("Chat about the VPN");
        await alice.GetByTestId("request-save").ClickAsync();
        await Expect(alice).ToHaveURLAsync(RequestUrl());
        var number = int.Parse(RequestUrl().Match(alice.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // What the Requests module stores for a chat session that ended (the Chat module publishes it in-process).
        await InsertChatEntryAsync(number, ["alice", "dave"], "Restart it and <script>alert('x')</script> tell me");

        var bob = await s_reps.OpenAsync("bob");
        await bob.GotoAsync($"requests/{number}");
        var bobsChat = bob.Locator("[data-testid=activity-entry][data-kind=chat]");
        await Expect(bobsChat.GetByTestId("activity-duration")).ToHaveTextAsync("0:05:07");
        await Expect(bobsChat.GetByTestId("activity-participants")).ToHaveTextAsync("alice, dave");
        await Expect(bobsChat.GetByTestId("activity-transcript")).ToHaveCountAsync(0);
        await Expect(bob.GetByTestId("activity-entry").First).ToHaveAttributeAsync("data-kind", "chat");
        await Browser.ScreenshotAsync(bob, "request-chat-no-transcript");

        await alice.ReloadAsync();
        await Expect(alice.Locator("[data-testid=activity-entry][data-kind=chat]").GetByTestId("activity-transcript"))
            .ToContainTextAsync("Restart it and <script>alert('x')</script> tell me");

        var carol = await s_reps.OpenAsync("carol");
        await carol.GotoAsync($"requests/{number}");
        await Expect(carol.Locator("[data-testid=activity-entry][data-kind=chat]").GetByTestId("activity-transcript")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(carol, "request-chat-transcript");
    }

    private static async Task InsertChatEntryAsync(int number, string[] participants, string message)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(s_host.WorkDirectory, "data", "servicepro.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO RequestActivity (RequestNumber, Kind, At, Actor, ChatSessionId, ChatStartedAt, ChatEndedAt, ChatLengthTicks, ChatParticipants, ChatTranscript)
            VALUES ($number, 'chat', $ended, $originator, $session, $started, $ended, $length, $participants, $transcript)
            """;
        var started = DateTime.UtcNow.AddMinutes(-6);
        command.Parameters.AddWithValue("$number", number);
        command.Parameters.AddWithValue("$originator", participants[0]);
        command.Parameters.AddWithValue("$session", Guid.NewGuid().ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$started", started.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$ended", started.AddMinutes(6).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$length", new TimeSpan(0, 5, 7).Ticks);
        command.Parameters.AddWithValue("$participants", System.Text.Json.JsonSerializer.Serialize(participants));
        var time = started.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        command.Parameters.AddWithValue("$transcript", System.Text.Json.JsonSerializer.Serialize(new object[]
        {
            new { time, author = participants[1], kind = "Joined", text = "" },
            new { time, author = participants[0], kind = "Message", text = message },
            new { time, author = participants[1], kind = "Message", text = "Done, it works." },
        }));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Through the shell's navigation, as a rep would: the circuit is already up, so what is typed reaches the server
    /// (a freshly loaded page is prerendered and takes input only once it is interactive).
    /// </summary>
    private static async Task OpenNewRequestFormAsync(IPage page)
    {
        await page.GotoAsync("");
        await Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");
        await page.GetByTestId("nav-requests").ClickAsync();
        await Expect(page.GetByTestId("request-list")).ToBeVisibleAsync();
        await page.GetByTestId("request-new").ClickAsync();
        await Expect(page.GetByTestId("request-save")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/requests/(\d+)$")]
    private static partial Regex RequestUrl();
}
