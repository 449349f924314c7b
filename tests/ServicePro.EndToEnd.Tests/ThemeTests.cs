using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// The shell follows the operating system's light or dark preference (the browser's <c>prefers-color-scheme</c>): the
/// page, the ribbon and the tiles are dark with light text in dark mode, and the reverse in light mode.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed partial class ThemeTests
{
    private static HostProcess s_host = null!;
    private static Browser s_browser = null!;

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

    [TestMethod]
    public async Task Workbench_SystemPrefersDark_DarkSurfacesWithLightText()
    {
        var page = await OpenWorkbenchAsync(ColorScheme.Dark, 1280);
        foreach (var (surface, text) in Surfaces)
        {
            var background = await BackgroundLuminanceAsync(page, surface);
            var foreground = await TextLuminanceAsync(page, text);
            Assert.IsLessThan(0.2, background, $"{surface} background in dark mode");
            Assert.IsGreaterThan(background, foreground, $"{text} text is lighter than {surface} in dark mode");
            Assert.IsGreaterThanOrEqualTo(4.5, Contrast(foreground, background), $"{text} on {surface} in dark mode");
        }

        Assert.IsGreaterThan(0.6, await TextLuminanceAsync(page, ".page-title"), "the page title is light in dark mode");

        await Browser.ScreenshotAsync(page, "theme-dark-workbench");
        await page.SetViewportSizeAsync(390, 800);
        await Browser.ScreenshotAsync(page, "theme-dark-workbench-390");
        await page.Context.CloseAsync();
    }

    [TestMethod]
    public async Task Workbench_SystemPrefersLight_LightSurfacesWithDarkText()
    {
        var page = await OpenWorkbenchAsync(ColorScheme.Light, 1280);
        foreach (var (surface, text) in Surfaces)
        {
            var background = await BackgroundLuminanceAsync(page, surface);
            var foreground = await TextLuminanceAsync(page, text);
            Assert.IsGreaterThan(0.8, background, $"{surface} background in light mode");
            Assert.IsLessThan(background, foreground, $"{text} text is darker than {surface} in light mode");
            Assert.IsGreaterThanOrEqualTo(4.5, Contrast(foreground, background), $"{text} on {surface} in light mode");
        }

        Assert.IsLessThan(0.2, await TextLuminanceAsync(page, ".page-title"), "the page title is dark in light mode");

        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The ribbon's Social command is one of its commands, not a muted hint: its label is as strong as the ribbon's text
    /// in both themes (a subtle Fluent button paints it in the secondary grey, dim on the dark ribbon), at rest and
    /// under the pointer.
    /// </summary>
    [TestMethod]
    [DataRow("Dark")]
    [DataRow("Light")]
    public async Task RibbonSocial_SystemTheme_LabelAsStrongAsTheRibbonsText(string theme)
    {
        var page = await OpenWorkbenchAsync(Enum.Parse<ColorScheme>(theme), 1280);
        var background = await BackgroundLuminanceAsync(page, "[data-testid=ribbon]");
        var ribbonText = Contrast(await TextLuminanceAsync(page, "[data-testid=ribbon]"), background);
        var social = page.GetByTestId("ribbon-social");
        var socialText = Contrast(await TextLuminanceAsync(page, "[data-testid=ribbon-social]"), background);
        Assert.IsGreaterThanOrEqualTo(ribbonText - 0.05, socialText, $"Social at rest in {theme}: {socialText:0.0}:1, the ribbon's text {ribbonText:0.0}:1");
        Assert.IsGreaterThanOrEqualTo(4.5, socialText, $"Social at rest in {theme}");

        await social.HoverAsync();
        // Fluent's buttons ease their colours: wait until the label has taken the hover colour.
        await page.WaitForFunctionAsync("(el) => el.getAnimations().length === 0", await social.ElementHandleAsync());
        Assert.IsGreaterThanOrEqualTo(4.5, Contrast(await TextLuminanceAsync(page, "[data-testid=ribbon-social]"), background), $"Social under the pointer in {theme}");
        await page.Context.CloseAsync();
    }

    /// <summary>Pairs of (an element whose painted background counts, an element whose text sits on it).</summary>
    private static readonly (string Surface, string Text)[] Surfaces =
    [
        (".shell", ".page-title"),
        ("[data-testid=ribbon]", "[data-testid=ribbon-social]"),
        ("[data-testid=tile-chat]", "[data-testid=chat-live-count]"),
        ("[data-testid=tile-chat]", "[data-testid=tile-chat] .tile-title"),
    ];

    private static async Task<IPage> OpenWorkbenchAsync(ColorScheme scheme, int width)
    {
        var context = await s_browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = s_host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            ColorScheme = scheme,
        });
        await CspViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        await Browser.SignInOnPageAsync(page, "alice");
        await Expect(page.GetByTestId("chat-live-count")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>The colour actually painted behind <paramref name="selector"/>: its own, or the nearest ancestor's that is not transparent.</summary>
    private static async Task<double> BackgroundLuminanceAsync(IPage page, string selector)
    {
        var colour = await page.Locator(selector).First.EvaluateAsync<string>("""
            (el) => {
              for (let e = el; e; e = e.parentElement) {
                const c = getComputedStyle(e).backgroundColor;
                if (c && c !== "transparent" && !/rgba\(.*,\s*0\)$/.test(c)) return c;
              }
              return getComputedStyle(document.documentElement).backgroundColor;
            }
            """);
        return Luminance(colour);
    }

    private static async Task<double> TextLuminanceAsync(IPage page, string selector) =>
        Luminance(await page.Locator(selector).First.EvaluateAsync<string>("(el) => getComputedStyle(el).color"));

    /// <summary>WCAG contrast ratio of two relative luminances (1 to 21; body text needs 4.5).</summary>
    private static double Contrast(double a, double b) => (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);

    /// <summary>WCAG relative luminance of a computed <c>rgb()</c>/<c>rgba()</c> colour: 0 black, 1 white.</summary>
    private static double Luminance(string colour)
    {
        var match = RgbPattern().Match(colour);
        Assert.IsTrue(match.Success, $"not an rgb() colour: {colour}");
        double Channel(int i)
        {
            var c = double.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture) / 255;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(2)) + (0.0722 * Channel(3));
    }

    [GeneratedRegex(@"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)")]
    private static partial Regex RgbPattern();
}
