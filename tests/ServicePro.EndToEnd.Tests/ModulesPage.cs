using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>Admin → Modules as the tests use it.</summary>
public static partial class ModulesPage
{
    /// <summary>Enables each of <paramref name="ids"/> that is disabled: a failed test must not leave the next one without a module.</summary>
    public static async Task EnableAsync(IPage admin, params string[] ids)
    {
        await admin.GetByTestId("nav-admin-modules").ClickAsync();
        foreach (var id in ids)
        {
            var state = admin.GetByTestId($"module-state-{id}");
            await Expect(state).ToHaveTextAsync(EnabledOrDisabled());
            if ((await state.TextContentAsync())?.Trim() == "Disabled")
            {
                await admin.GetByTestId($"module-toggle-{id}").ClickAsync();
                await Expect(state).ToHaveTextAsync("Enabled");
            }
        }
    }

    [GeneratedRegex("Enabled|Disabled")]
    private static partial Regex EnabledOrDisabled();
}
