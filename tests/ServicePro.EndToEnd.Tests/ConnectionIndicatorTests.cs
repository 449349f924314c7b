using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ConnectionIndicatorTests
{
    [TestMethod]
    public async Task ServerGoesAway_TopBarSaysReconnecting()
    {
        var host = await HostProcess.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        try
        {
            var page = await browser.SignInAsync(host, "alice");
            await Expect(page.GetByTestId("connection-status")).ToHaveTextAsync("Connected");

            await host.DisposeAsync();

            await Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "reconnecting");
            await Expect(page.GetByTestId("connection-status")).ToHaveTextAsync("Reconnecting…");
            await Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(page, "reconnecting");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
