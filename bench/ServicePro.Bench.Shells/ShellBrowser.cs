using System.Net;
using Microsoft.Playwright;
using ServicePro.Testing;
using Cookie = Microsoft.Playwright.Cookie;

namespace ServicePro.Bench.Shells;

/// <summary>
/// One Debian Chromium (never a downloaded browser) for every shell: contexts share a few renderer processes, images,
/// fonts and media are not fetched, and the viewport is small, so that 200 shells fit beside the other work here.
/// </summary>
public sealed class ShellBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] s_skipped = ["image", "font", "media"];
    private readonly IPlaywright _playwright;
    private readonly Uri _baseAddress;
    private readonly Dictionary<string, Cookie[]> _signedIn = new(StringComparer.Ordinal);

    private ShellBrowser(IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        _playwright = playwright;
        Instance = browser;
        _baseAddress = baseAddress;
    }

    public IBrowser Instance { get; }

    public static async Task<ShellBrowser> LaunchAsync(Uri baseAddress)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install chromium (./test.sh does).");
        }

        // Two shared cores: a shell under load takes far longer than Playwright's default 5 s to come up.
        Assertions.SetDefaultExpectTimeout(90_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 120_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio",
                "--disable-dev-shm-usage", "--renderer-process-limit=8",
            ],
        });
        return new ShellBrowser(playwright, browser, baseAddress);
    }

    /// <summary>
    /// A context signed in as <paramref name="userName"/>, with <paramref name="lean"/> fetching no images, fonts or
    /// media. The sign-in form is posted over HTTP, not in a page, so that signing in leaves no circuit behind.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string userName, bool lean)
    {
        if (!_signedIn.TryGetValue(userName, out var cookies))
        {
            var jar = new CookieContainer();
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = _baseAddress };
            await SignIn.AsAsync(http, userName);
            cookies = [.. jar.GetCookies(_baseAddress).Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = _baseAddress.ToString(), HttpOnly = c.HttpOnly })];
            _signedIn[userName] = cookies;
        }

        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _baseAddress.ToString(),
            ViewportSize = lean ? new ViewportSize { Width = 640, Height = 480 } : new ViewportSize { Width = 1280, Height = 800 },
        });
        await context.AddCookiesAsync(cookies);
        if (lean)
        {
            await context.RouteAsync("**/*", route => s_skipped.Contains(route.Request.ResourceType) ? route.AbortAsync() : route.ContinueAsync());
        }

        return context;
    }

    /// <summary>Opens the Workbench in a new page of <paramref name="context"/> and waits until the chat tile is live.</summary>
    public static async Task<IPage> OpenShellAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("");
        await Assertions.Expect(page.GetByTestId("workbench")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");

        // The tile's Start button is enabled once the chat is up for this circuit.
        await Assertions.Expect(page.GetByTestId("chat-start")).ToBeEnabledAsync();
        return page;
    }

    /// <summary>Closes the contexts' pages after navigating each away, so that the host ends their circuits at once.</summary>
    public static async Task CloseAsync(IEnumerable<IBrowserContext> contexts)
    {
        foreach (var context in contexts)
        {
            foreach (var page in context.Pages)
            {
                await page.GotoAsync("about:blank");
            }

            await context.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright.Dispose();
    }
}
