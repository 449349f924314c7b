using Microsoft.Playwright;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Collects axe's serious and critical violations over the pages of one test, each checked at 1280×800 and at 390 px
/// wide, then fails once with all of them, so that one run lists everything to fix.
/// </summary>
public sealed class AccessibilityAudit
{
    private readonly List<(string Where, AxeViolation Violation)> _found = [];
    private readonly List<string> _checked = [];

    /// <summary>Checks <paramref name="page"/> as it is, wide and narrow; the viewport is 1280×800 again afterwards.</summary>
    public async Task CheckAsync(IPage page, string where)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var (width, height) in new[] { (1280, 800), (390, 800) })
        {
            await page.SetViewportSizeAsync(width, height);
            var label = $"{where} @{width}px";
            _checked.Add(label);
            _found.AddRange((await AxeRunner.FindSeriousAsync(page)).Select(v => (label, v)));
        }

        await page.SetViewportSizeAsync(1280, 800);
    }

    public void AssertClean()
    {
        Assert.IsNotEmpty(_checked, "no page was checked");
        if (_found.Count > 0)
        {
            Assert.Fail($"axe-core found {_found.Count} serious or critical accessibility violation(s) on {string.Join(", ", _checked)}:\n{AxeRunner.Describe(_found)}");
        }
    }
}
