using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>The chat windows open on a rep's page, as a test's clean-up leaves them.</summary>
public static class ChatWindows
{
    /// <summary>
    /// Leaves every live session whose window is open on <paramref name="page"/> and closes every window, ended or not.
    /// A session may end while this runs (its originator left on another page): its window then loses Leave and stays
    /// open, ended, until it is closed. So each window is left while it is live, then closed if it is still there.
    /// </summary>
    public static async Task LeaveAllAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        while (await page.EvaluateAsync<string?>("() => document.querySelector('[data-testid=chat-window]')?.dataset.sessionId ?? null") is { } sessionId)
        {
            var window = page.Locator($"[data-testid=chat-window][data-session-id='{sessionId}']");
            var live = page.Locator($"[data-testid=chat-window][data-session-id='{sessionId}'][data-ended=false]");

            // Clicks through the DOM, each on the window as it is now: no click waits for a button that the session's end
            // has just taken away. Leave, while the session is live; it closes the window, or the session ends meanwhile.
            await live.EvaluateAllAsync<int>("windows => { windows.forEach(w => w.querySelector('[data-testid=chat-leave]')?.click()); return windows.length; }");
            await Expect(live).ToHaveCountAsync(0);

            // Ended: Close, if the window is still there.
            await window.EvaluateAllAsync<int>("windows => { windows.forEach(w => w.querySelector('[data-testid=chat-close]')?.click()); return windows.length; }");
            await Expect(window).ToHaveCountAsync(0);
        }
    }
}
