using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Admin → Users in a browser: an administrator creates, changes, disables, resets and unlocks accounts while the users
/// concerned work in browsers of their own. Each test makes its own users, so the tests share one host.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed partial class UsersTests
{
    private const int FailuresPerAccount = 3;
    private static HostProcess s_host = null!;
    private static Browser s_browser = null!;
    private static RepSessions s_reps = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        s_host = await HostProcess.StartAsync(
            TestModulesConfig.WithChat(),
            settings: new Dictionary<string, string> { ["SignIn:FailuresPerAccount"] = $"{FailuresPerAccount}" },
            cancellationToken: context.CancellationToken);
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
    public async Task CloseShells() => await s_reps.CloseAllAsync();

    [TestMethod]
    public async Task CreateUser_SheChangesTheTemporaryPasswordAtHerFirstSignIn_ThenSeesTheShell()
    {
        var admin = await s_reps.OpenAsync("admin");
        await UsersPage.OpenAsync(admin);

        await UsersPage.CreateAsync(admin, "olga", "Ольга 李 🌸", "Rep", "Privileged");

        var row = admin.GetByTestId("user-row-olga");
        await Expect(row).ToContainTextAsync("Ольга 李 🌸");
        await Expect(row).ToContainTextAsync("Rep, Privileged");
        await Expect(row).ToHaveAttributeAsync("data-enabled", "true");
        await Expect(UsersPage.AuditLine(admin, "olga", "Created (Rep, Privileged) as “Ольга 李 🌸”")).ToBeVisibleAsync();
        await admin.GetByTestId("users-search").FillAsync("李");
        await Expect(admin.GetByTestId("user-row-olga")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("user-row-alice")).ToHaveCountAsync(0);
        await admin.GetByTestId("users-search").FillAsync(string.Empty);
        await Expect(admin.GetByTestId("user-row-alice")).ToBeVisibleAsync();
        await admin.SetViewportSizeAsync(1280, 800);
        await Browser.ScreenshotAsync(admin, "admin-users");
        await admin.SetViewportSizeAsync(390, 844);
        await Browser.ScreenshotAsync(admin, "admin-users-390");
        await admin.SetViewportSizeAsync(1280, 800);

        // The temporary password gives no token: she must change it first.
        Assert.AreNotEqual(HttpStatusCode.OK, await TokenStatusAsync("olga", UsersPage.TemporaryPassword));

        var olga = await UsersPage.FirstSignInAsync(s_browser, s_host, "olga", "Ольга#2026Ok");

        await Expect(olga.GetByTestId("current-user")).ToHaveTextAsync("olga");
        await Expect(olga.GetByTestId("nav-admin-users")).ToHaveCountAsync(0);
        Assert.AreEqual(HttpStatusCode.OK, await TokenStatusAsync("olga", "Ольга#2026Ok"));
        await olga.Context.CloseAsync();
    }

    [TestMethod]
    public async Task CreateUser_DuplicateWeakOrBadEmail_ClearMessageAndTheFormKeepsWhatWasTyped()
    {
        var admin = await s_reps.OpenAsync("admin");
        await UsersPage.OpenAsync(admin);

        await UsersPage.FillAndSaveAsync(admin, "alice", "Алиса 二", "alice2@servicepro.example", UsersPage.TemporaryPassword, "Rep");
        await Expect(admin.GetByTestId("user-error")).ToContainTextAsync("is already taken");
        await Expect(admin.GetByTestId("user-displayname")).ToHaveValueAsync("Алиса 二");

        await admin.GetByTestId("user-username").FillAsync("yuki");
        await admin.GetByTestId("user-password").FillAsync("weak");
        await admin.GetByTestId("user-save").ClickAsync();
        await Expect(admin.GetByTestId("user-error")).ToContainTextAsync("Passwords must be at least 6 characters");
        await Expect(admin.GetByTestId("user-username")).ToHaveValueAsync("yuki");

        await admin.GetByTestId("user-email").FillAsync("yuki@@example");
        await admin.GetByTestId("user-password").FillAsync(UsersPage.TemporaryPassword);
        await admin.GetByTestId("user-save").ClickAsync();
        await Expect(admin.GetByTestId("user-error")).ToContainTextAsync("“yuki@@example” is not an e-mail address.");
        await Expect(admin.GetByTestId("user-displayname")).ToHaveValueAsync("Алиса 二");
        await Expect(admin.GetByTestId("user-role-Rep")).ToBeCheckedAsync();
        await Expect(admin.GetByTestId("user-row-yuki")).ToHaveCountAsync(0);
    }

    [TestMethod]
    public async Task ChangeRoles_AnAdministratorPageAppearsInHerOpenShell_AndGoesAgain()
    {
        var admin = await s_reps.OpenAsync("admin");
        await UsersPage.OpenAsync(admin);
        await UsersPage.CreateAsync(admin, "mei", "美玲 🐼");
        var mei = await UsersPage.FirstSignInAsync(s_browser, s_host, "mei", "Mei#2026ok");
        await Expect(mei.GetByTestId("nav-admin-users")).ToHaveCountAsync(0);

        await SetRolesAsync(admin, "mei", "Rep", "Administrator");
        await Expect(mei.GetByTestId("nav-admin-users")).ToBeVisibleAsync();
        await Expect(mei.GetByTestId("nav-admin-modules")).ToBeVisibleAsync();

        await SetRolesAsync(admin, "mei", "Rep");
        await Expect(mei.GetByTestId("nav-admin-users")).ToHaveCountAsync(0);
        await Expect(UsersPage.AuditLine(admin, "mei", "Roles set to Rep, Administrator")).ToBeVisibleAsync();
        await mei.Context.CloseAsync();
    }

    [TestMethod]
    public async Task Disable_HerShellAndHubClientAreCutOffAtOnce_SignInRefused_ThenEnabledAgain()
    {
        var admin = await s_reps.OpenAsync("admin");
        await UsersPage.OpenAsync(admin);
        await UsersPage.CreateAsync(admin, "zoya", "Зоя ✨");
        var zoya = await UsersPage.FirstSignInAsync(s_browser, s_host, "zoya", "Zoya#2026ok");
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(s_host.BaseAddress, "hubs/chat"), o => o.AccessTokenProvider = async () => await TokenAsync("zoya", "Zoya#2026ok"))
            .Build();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync(TestContext.CancellationToken);

        await admin.GetByTestId("user-disable-zoya").ClickAsync();

        await Expect(admin.GetByTestId("user-row-zoya")).ToHaveAttributeAsync("data-enabled", "false");
        await Expect(zoya).ToHaveURLAsync(SignInPage());
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.CancellationToken);
        await zoya.GotoAsync("");
        await Expect(zoya).ToHaveURLAsync(SignInPage(), new() { Timeout = 20_000 });
        await UsersPage.SignInFormAsync(zoya, "zoya", "Zoya#2026ok");
        await Expect(zoya.GetByTestId("login-error")).ToHaveTextAsync("This account is disabled. Ask an administrator.");
        Assert.AreNotEqual(HttpStatusCode.OK, await TokenStatusAsync("zoya", "Zoya#2026ok"));
        await Expect(UsersPage.AuditLine(admin, "zoya", "Disabled")).ToBeVisibleAsync();

        await admin.GetByTestId("user-enable-zoya").ClickAsync();
        await Expect(admin.GetByTestId("user-row-zoya")).ToHaveAttributeAsync("data-enabled", "true");
        await UsersPage.SignInFormAsync(zoya, "zoya", "Zoya#2026ok");
        await Expect(zoya.GetByTestId("workbench")).ToBeVisibleAsync();
        await zoya.Context.CloseAsync();
    }

    [TestMethod]
    public async Task ResetPassword_SheChoosesANewOneAtHerNextSignIn()
    {
        var admin = await s_reps.OpenAsync("admin");
        await UsersPage.OpenAsync(admin);
        await UsersPage.CreateAsync(admin, "ines", "Inès 🌊");
        var ines = await UsersPage.FirstSignInAsync(s_browser, s_host, "ines", "Ines#2026ok");
        await ines.Context.CloseAsync();

        await admin.GetByTestId("user-reset-ines").ClickAsync();
        await admin.GetByTestId("user-password").FillAsync("Reset#2026ok");
        await admin.GetByTestId("user-save").ClickAsync();
        await Expect(admin.GetByTestId("user-message")).ToContainTextAsync("The password of ines was reset");
        await Expect(admin.GetByTestId("user-row-ines")).ToContainTextAsync("Temporary password");

        Assert.AreNotEqual(HttpStatusCode.OK, await TokenStatusAsync("ines", "Ines#2026ok"), "the old password is gone");
        var again = await UsersPage.FirstSignInAsync(s_browser, s_host, "ines", "Ines#2027ok", temporaryPassword: "Reset#2026ok");
        await again.Context.CloseAsync();
    }

    [TestMethod]
    public async Task Unlock_AfterTooManyWrongPasswords_SheSignsInAtOnce()
    {
        var admin = await s_reps.OpenAsync("admin");
        await UsersPage.OpenAsync(admin);
        await UsersPage.CreateAsync(admin, "lena", "Лена");
        var lena = await UsersPage.FirstSignInAsync(s_browser, s_host, "lena", "Lena#2026ok");
        await lena.Context.ClearCookiesAsync();
        for (var i = 0; i < FailuresPerAccount; i++)
        {
            await UsersPage.SignInFormAsync(lena, "lena", $"неверно{i}");
            await Expect(lena.GetByTestId("login-error")).ToBeVisibleAsync();
        }

        await UsersPage.SignInFormAsync(lena, "lena", "Lena#2026ok");
        await Expect(lena.GetByTestId("login-error")).ToContainTextAsync("Too many");
        await admin.ReloadAsync();
        await Expect(admin.GetByTestId("user-row-lena")).ToHaveAttributeAsync("data-locked", "true");

        // A click reaches the server only once the reloaded page's circuit is up.
        await Expect(admin.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");

        await admin.GetByTestId("user-unlock-lena").ClickAsync();

        await Expect(admin.GetByTestId("user-row-lena")).ToHaveAttributeAsync("data-locked", "false");
        await UsersPage.SignInFormAsync(lena, "lena", "Lena#2026ok");
        await Expect(lena.GetByTestId("workbench")).ToBeVisibleAsync();
        await Expect(UsersPage.AuditLine(admin, "lena", "Unlocked")).ToBeVisibleAsync();
        await lena.Context.CloseAsync();
    }

    [TestMethod]
    public async Task LastAdministrator_CannotBeDisabledOrLoseTheRole()
    {
        var admin = await s_reps.OpenAsync("admin");
        await UsersPage.OpenAsync(admin);

        await admin.GetByTestId("user-disable-admin").ClickAsync();
        await Expect(admin.GetByTestId("user-error")).ToContainTextAsync("last enabled administrator");
        await Expect(admin.GetByTestId("user-row-admin")).ToHaveAttributeAsync("data-enabled", "true");

        await SetRolesAsync(admin, "admin", ["Rep", "Privileged"], expectError: true);
        await Expect(admin.GetByTestId("user-error")).ToContainTextAsync("last enabled administrator");
        await admin.ReloadAsync();
        await Expect(admin.GetByTestId("user-row-admin")).ToContainTextAsync("Rep, Privileged, Administrator");
    }

    [TestMethod]
    public async Task OwnPassword_ARepChangesHers_AWrongCurrentPasswordIsRefused()
    {
        var admin = await s_reps.OpenAsync("admin");
        await UsersPage.OpenAsync(admin);
        await UsersPage.CreateAsync(admin, "nadia", "Надя 🙂");
        var nadia = await UsersPage.FirstSignInAsync(s_browser, s_host, "nadia", "Nadia#2026ok");

        await nadia.GetByTestId("nav-account").ClickAsync();
        await nadia.GetByTestId("password-current").FillAsync("неверно");
        await nadia.GetByTestId("password-new").FillAsync("Nadia#2027ok");
        await nadia.GetByTestId("password-save").ClickAsync();
        await Expect(nadia.GetByTestId("password-error")).ToHaveTextAsync("The current password is not correct.");
        await nadia.SetViewportSizeAsync(1280, 800);
        await Browser.ScreenshotAsync(nadia, "account-password-error");
        await nadia.SetViewportSizeAsync(390, 844);
        await Browser.ScreenshotAsync(nadia, "account-password-error-390");
        await nadia.SetViewportSizeAsync(1280, 800);

        await nadia.GetByTestId("password-current").FillAsync("Nadia#2026ok");
        await nadia.GetByTestId("password-new").FillAsync("Nadia#2027ok");
        await nadia.GetByTestId("password-save").ClickAsync();
        await Expect(nadia.GetByTestId("workbench")).ToBeVisibleAsync();
        Assert.AreEqual(HttpStatusCode.OK, await TokenStatusAsync("nadia", "Nadia#2027ok"));
        Assert.AreNotEqual(HttpStatusCode.OK, await TokenStatusAsync("nadia", "Nadia#2026ok"));
        await nadia.Context.CloseAsync();
    }

    [TestMethod]
    public async Task ImportCsv_PreviewShowsTheBadLine_ConfirmCreatesTheOthers()
    {
        var admin = await s_reps.OpenAsync("admin");
        await UsersPage.OpenAsync(admin);
        var csv = """
            userName,displayName,email,roles,password
            sven,Sven Ørsted 🚲,sven@servicepro.example,Rep,Sven#2026ok
            hana,花子 🌸,hana@servicepro.example,Rep;Privileged,Hana#2026ok
            broken,Плохой,not-an-email,Rep,Bad#2026ok
            """;

        await UsersPage.PreviewImportAsync(admin, "team.csv", csv, 2);

        var lines = admin.GetByTestId("users-import-line");
        await Expect(lines).ToHaveCountAsync(3);
        await Expect(admin.Locator("[data-testid=users-import-line][data-line='4']")).ToHaveAttributeAsync("data-valid", "false");
        await Expect(admin.Locator("[data-testid=users-import-line][data-line='4']")).ToContainTextAsync("“not-an-email” is not an e-mail address.");

        await admin.GetByTestId("users-import-confirm").ClickAsync();

        await Expect(admin.GetByTestId("user-row-sven")).ToContainTextAsync("Sven Ørsted 🚲");
        await Expect(admin.GetByTestId("user-row-hana")).ToContainTextAsync("Rep, Privileged");
        await Expect(admin.GetByTestId("user-row-broken")).ToHaveCountAsync(0);
        await Expect(UsersPage.AuditLine(admin, "hana", "Created (Rep, Privileged) as “花子 🌸”")).ToBeVisibleAsync();
        var hana = await UsersPage.FirstSignInAsync(s_browser, s_host, "hana", "Hana#2027ok", temporaryPassword: "Hana#2026ok");
        await hana.Context.CloseAsync();
    }

    [TestMethod]
    public async Task List_MoreThanAPageFound_PaginatorShowsTheRestOnTheNextPage()
    {
        var admin = await s_reps.OpenAsync("admin");
        await UsersPage.OpenAsync(admin);
        var names = Enumerable.Range(1, 21).Select(i => $"pager{i:00}").ToList();
        var csv = "userName,displayName,email,roles,password\n"
            + string.Join("\n", names.Select((n, i) => $"{n},Страница {i + 1} 页 📄,{n}@servicepro.example,Rep,Page#2026ok"));
        await UsersPage.PreviewImportAsync(admin, "pager.csv", csv, 21);
        await admin.GetByTestId("users-import-confirm").ClickAsync();
        await Expect(admin.GetByTestId("user-row-pager01")).ToBeVisibleAsync();

        await admin.GetByTestId("users-search").FillAsync("pager");
        var rows = admin.Locator("[data-testid^='user-row-']");
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(admin.GetByTestId("user-row-pager21")).ToHaveCountAsync(0);

        await admin.GetByTestId("users-pager").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("next", RegexOptions.IgnoreCase) }).ClickAsync();

        await Expect(rows).ToHaveCountAsync(1);
        await Expect(admin.GetByTestId("user-row-pager21")).ToContainTextAsync("Страница 21 页 📄");
    }

    [TestMethod]
    public async Task AuditTrail_MoreThanAPage_GridShowsNewestFirstPagesAndSortsByTime()
    {
        var admin = await s_reps.OpenAsync("admin");
        await UsersPage.OpenAsync(admin);
        var names = Enumerable.Range(1, 12).Select(i => $"audit{i:00}").ToList();
        var csv = "userName,displayName,email,roles,password\n"
            + string.Join("\n", names.Select((n, i) => $"{n},Запись {i + 1} 記録 📝,{n}@servicepro.example,Rep,Audit#2026ok"));
        await UsersPage.PreviewImportAsync(admin, "audit.csv", csv, 12);
        await admin.GetByTestId("users-import-confirm").ClickAsync();
        await Expect(UsersPage.AuditLine(admin, "audit12", "Created (Rep) as “Запись 12 記録 📝”")).ToBeVisibleAsync();

        var grid = admin.GetByTestId("users-audit");
        var rows = grid.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(UsersAuditPageSize);
        var newestFirst = await TimesAsync(grid);
        CollectionAssert.AreEqual(newestFirst.OrderByDescending(t => t).ToList(), newestFirst, "the grid opens newest first");
        await Expect(grid.Locator("tbody tr", new() { HasText = "audit02" })).ToHaveCountAsync(0);

        // The next page holds the older lines: the first import's line among them, none of page one's.
        await admin.GetByTestId("users-audit-pager").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("next", RegexOptions.IgnoreCase) }).ClickAsync();
        await Expect(UsersPage.AuditLine(admin, "audit02", "Created (Rep) as “Запись 2 記録 📝”")).ToBeVisibleAsync();
        await Expect(grid.Locator("tbody tr", new() { HasText = "audit12" })).ToHaveCountAsync(0);
        var older = await TimesAsync(grid);
        Assert.IsTrue(older.Count > 0 && older.Max() <= newestFirst.Min(), "page two holds the lines older than page one's");

        // A click on When turns the order: oldest first, from the first page.
        await admin.GetByTestId("users-audit-pager").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("first", RegexOptions.IgnoreCase) }).ClickAsync();
        await grid.Locator("th", new() { HasText = "When" }).ClickAsync();
        await Expect(grid.Locator("tbody tr").First).Not.ToContainTextAsync("audit12");
        var oldestFirst = await TimesAsync(grid);
        CollectionAssert.AreEqual(oldestFirst.Order().ToList(), oldestFirst, "a click on When shows the oldest first");
        Assert.IsTrue(oldestFirst[0] <= older.Min(), "after the click the oldest line of all comes first");

        var violations = await AxeRunner.FindSeriousAsync(admin);
        Assert.AreEqual(0, violations.Count, AxeRunner.Describe(violations.Select(v => ("Admin → Users", v))));
        await Browser.ScreenshotsWideAndNarrowAsync(admin, "users-audit-grid");
    }

    private const int UsersAuditPageSize = 10; // UsersAuditTrail.PageSize in the host, which this project does not reference

    private static async Task<List<DateTimeOffset>> TimesAsync(ILocator grid) =>
        [.. (await grid.Locator("tbody tr time").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))"))
            .Select(t => DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture))];

    [TestMethod]
    public async Task DisplayName_ShowsInTheChatTileWindowAndTheActivityStream_UserNamesStayTheIds()
    {
        var admin = await s_reps.OpenAsync("admin");
        await UsersPage.OpenAsync(admin);
        await UsersPage.CreateAsync(admin, "kira", "Кира 桜 🎉");
        var alice = await s_reps.OpenAsync("alice");
        var kira = await UsersPage.FirstSignInAsync(s_browser, s_host, "kira", "Kira#2026ok");
        await Expect(alice.GetByTestId("chat-online-kira")).ToContainTextAsync("Кира 桜 🎉");

        await kira.GetByTestId("nav-requests").ClickAsync();
        await kira.GetByTestId("request-new").ClickAsync();
        await kira.GetByTestId("request-title").FillAsync("Принтер 打印机 🖨️");
        await kira.GetByTestId("request-save").ClickAsync();
        await Expect(kira.GetByTestId("request-heading")).ToBeVisibleAsync();
        await kira.GetByTestId("ribbon-social").ClickAsync();
        await kira.GetByTestId("social-item-chat").ClickAsync();
        await kira.GetByTestId("invite-candidate-alice").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(kira.GetByTestId("invite-send"));
        await alice.GetByTestId("invitation-accept").ClickAsync();
        var aliceWindow = alice.GetByTestId("chat-window");
        await Expect(aliceWindow.GetByTestId("chat-connection-kira")).ToContainTextAsync("Кира 桜 🎉");
        var kiraWindow = kira.GetByTestId("chat-window");
        await FluentFields.FillAsync(kiraWindow.GetByTestId("chat-input"), "Привет 你好 👋");
        await FluentFields.TextArea(kiraWindow.GetByTestId("chat-input")).PressAsync("Enter");
        await Expect(aliceWindow.Locator("[data-testid=chat-dialog-entry][data-kind=message]")).ToContainTextAsync(["Кира 桜 🎉"]);
        await Browser.ScreenshotAsync(alice, "chat-display-names");

        await kiraWindow.GetByTestId("chat-leave").ClickAsync();
        var entry = kira.Locator("[data-testid=activity-entry][data-kind=chat]");
        await Expect(entry.GetByTestId("activity-participants")).ToContainTextAsync("Кира 桜 🎉");
        await Expect(entry.GetByTestId("activity-transcript")).ToContainTextAsync("Кира 桜 🎉");
        await kira.Context.CloseAsync();
    }

    private static async Task SetRolesAsync(IPage admin, string userName, params string[] roles) => await SetRolesAsync(admin, userName, roles, expectError: false);

    private static async Task SetRolesAsync(IPage admin, string userName, string[] roles, bool expectError)
    {
        await admin.GetByTestId($"user-roles-{userName}").ClickAsync();
        foreach (var role in new[] { "Rep", "Privileged", "Administrator" })
        {
            await admin.GetByTestId($"user-role-{role}").SetCheckedAsync(roles.Contains(role));
        }

        await admin.GetByTestId("user-save").ClickAsync();
        if (!expectError)
        {
            await Expect(admin.GetByTestId($"user-row-{userName}")).ToContainTextAsync(string.Join(", ", roles));
        }
    }

    private static async Task<HttpStatusCode> TokenStatusAsync(string userName, string password)
    {
        using var http = s_host.CreateClient();
        using var response = await http.PostAsJsonAsync("account/token", new { userName, password });
        return response.StatusCode;
    }

    private static async Task<string?> TokenAsync(string userName, string password)
    {
        using var http = s_host.CreateClient();
        using var response = await http.PostAsJsonAsync("account/token", new { userName, password });
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString();
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex SignInPage();
}
