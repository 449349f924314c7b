using Microsoft.Playwright;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// The Workbench tile's availability, a FluentSelect (a <c>fluent-dropdown</c> carrying the test id
/// <c>availability-select</c>): chosen as a rep does, by opening the dropdown and clicking the option, not by setting
/// a value behind the component's back.
/// </summary>
public static class AvailabilityDropdown
{
    public const string TestId = "availability-select";

    /// <summary>Opens the dropdown, clicks <paramref name="status"/> ("Available", "Busy", "Away") and waits until it is the value shown.</summary>
    public static async Task ChooseAsync(IPage page, string status)
    {
        ArgumentNullException.ThrowIfNull(page);
        await FluentFields.ChooseAsync(page.GetByTestId(TestId), status);
        Assert.AreEqual(status, await CurrentAsync(page), "the dropdown shows the chosen availability");
    }

    /// <summary>The availability the dropdown shows (its selected option's text).</summary>
    public static Task<string> CurrentAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return FluentFields.ChosenTextAsync(page.GetByTestId(TestId));
    }
}
