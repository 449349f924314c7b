using Microsoft.Playwright;
using ServicePro.Testing;

namespace ServicePro.EndToEnd.Tests;

/// <summary>Debian's Chromium under Playwright; never a downloaded browser.</summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Debian's Chromium, headless, with nothing that reaches beyond the test's host.</summary>
    public static IReadOnlyList<string> LaunchArguments { get; } = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Instance = browser;
    }

    public IBrowser Instance { get; }

    public static string ScreenshotDirectory { get; } = Path.Combine(TestPaths.RepositoryRoot, "tests", "TestResults", "screenshots");

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium package.");
        }

        // Two cores shared by a build, a host and a browser: allow expectations more than the default 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArguments,
        });
        return new Browser(playwright, browser);
    }

    /// <summary>
    /// A fresh browser context (its own cookies), signed in through the sign-in page, on the Workbench. With
    /// <paramref name="storageState"/> (a signed-in context's <see cref="IBrowserContext.StorageStateAsync"/>) the
    /// context starts with that sign-in cookie instead of filling the form again.
    /// </summary>
    public async Task<IPage> SignInAsync(HostProcess host, string userName, string? storageState = null)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            StorageState = storageState,
        });
        await CspViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        await SignInOnPageAsync(page, storageState is null ? userName : null);
        return page;
    }

    /// <summary>Opens the shell in <paramref name="page"/>, signs in as <paramref name="userName"/> (unless already signed in: <c>null</c>) and waits until the Workbench is interactive.</summary>
    public static async Task SignInOnPageAsync(IPage page, string? userName)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("");
        if (userName is not null)
        {
            await page.GetByTestId("login-username").FillAsync(userName);
            await page.GetByTestId("login-password").FillAsync(SignIn.DemoPassword);
            await page.GetByTestId("login-submit").ClickAsync();
        }

        await Assertions.Expect(page.GetByTestId("workbench")).ToBeVisibleAsync();

        // Interactive once the circuit is up: only then do clicks reach the server.
        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");
    }

    /// <summary>
    /// Waits until the browser has drawn twice: what was asked for in the current frame (Fluent's first-frame set-up, a
    /// closing menu) has run. Frame callbacks run in the order they were asked for.
    /// </summary>
    public static Task DrawnTwiceAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done())))");
    }

    /// <summary>
    /// Closes <paramref name="browser"/> if it started: a class whose <c>ClassInitialize</c> failed to launch it must
    /// still get to stop its host(s) in its clean-up, after this call.
    /// </summary>
    public static ValueTask DisposeIfStartedAsync(Browser? browser) => browser?.DisposeAsync() ?? ValueTask.CompletedTask;

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    /// <summary>The page at 1280×800 (<paramref name="name"/>) and at 390 px wide (<paramref name="name"/>-narrow), then back to 1280.</summary>
    public static async Task ScreenshotsWideAndNarrowAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await ScreenshotAsync(page, name);
        await page.SetViewportSizeAsync(390, 800);
        try
        {
            await ScreenshotAsync(page, name + "-narrow");
        }
        finally
        {
            await page.SetViewportSizeAsync(1280, 800);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright.Dispose();
    }
}
