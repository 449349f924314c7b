using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// The top bar's connection indicator tells the truth whatever ends the page's connection, not only while Blazor's
/// reconnection display is up (<see cref="ConnectionIndicatorTests"/> covers a host that goes away).
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ConnectionLossTests
{
    [TestMethod]
    public async Task CircuitClosedByTheServerAfterAnError_TopBarSaysDisconnected()
    {
        await using var host = await HostProcess.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.SignInAsync(host, "alice");
        await page.GetByTestId("nav-probe").ClickAsync();
        await Expect(page.GetByTestId("probe-page")).ToBeVisibleAsync();

        await page.GetByTestId("probe-fail").ClickAsync();

        var indicator = page.GetByTestId("connection-status");
        await Expect(indicator).ToHaveAttributeAsync("data-state", "disconnected");
        await Expect(indicator).ToHaveTextAsync("Disconnected");
        await Expect(page.Locator("#blazor-error-ui")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "connection-disconnected");

        // Dismissing the error does not bring the circuit back: the indicator keeps saying so.
        await page.Locator("#blazor-error-ui .dismiss").ClickAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(indicator).ToHaveTextAsync("Disconnected");
    }

    [TestMethod]
    public async Task MessageOverTheConnectionsSize_ServerDropsIt_TopBarSaysReconnectingThenConnected()
    {
        await using var host = await HostProcess.StartAsync(TestModulesConfig.WithRequests());
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.SignInAsync(host, "alice");
        await page.GetByTestId("nav-requests").ClickAsync();
        await page.GetByTestId("request-new").ClickAsync();
        var description = page.GetByTestId("request-description");
        await Expect(FluentFields.TextArea(description)).ToBeEnabledAsync();

        // Every state the indicator passes through, however briefly.
        var indicator = page.GetByTestId("connection-status");
        await indicator.EvaluateAsync("""
            element => {
              window.connectionStates = [];
              new MutationObserver(() => window.connectionStates.push(element.dataset.state))
                .observe(element, { attributes: true, attributeFilter: ["data-state"] });
            }
            """);

        // What the text box's maxlength does not let a rep type: a script sends far more than the connection carries.
        // A fluent-textarea's change event carries its value once (a native textarea's twice), so 100,000 characters
        // written as \u0001 (6 bytes each in JSON) are well over the circuit's 250 KB.
        await description.EvaluateAsync("""
            element => {
              element.value = "\u0001".repeat(100000);
              element.dispatchEvent(new Event("change", { bubbles: true }));
            }
            """);

        await page.WaitForFunctionAsync("() => window.connectionStates.includes('reconnecting')");
        await Expect(indicator).ToHaveAttributeAsync("data-state", "connected");
        await Expect(indicator).ToHaveTextAsync("Connected");
    }
}
