using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>Requests as the browser tests use them.</summary>
public static partial class RequestPages
{
    /// <summary>Creates a request from the Requests page, as a rep does, and returns its number once its page shows.</summary>
    public static async Task<int> CreateAsync(IPage page, string title)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByTestId("nav-requests").ClickAsync();
        await Expect(page.GetByTestId("request-list")).ToBeVisibleAsync();
        await page.GetByTestId("request-new").ClickAsync();
        await page.GetByTestId("request-title").FillAsync(title);
        await page.GetByTestId("request-save").ClickAsync();
        await Expect(page).ToHaveURLAsync(Url());
        await Expect(page.GetByTestId("request-heading")).ToBeVisibleAsync();
        return int.Parse(Url().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>A request's page: <c>/requests/{number}</c>.</summary>
    [GeneratedRegex(@"/requests/(\d+)$")]
    public static partial Regex Url();
}
