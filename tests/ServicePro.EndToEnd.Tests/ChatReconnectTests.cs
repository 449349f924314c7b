using Microsoft.Playwright;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// A chat while the server goes away and comes back on the same address and data folder: the shell says it is
/// reconnecting, and once the reps are back their chat windows return with the whole dialog and the chat goes on.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatReconnectTests
{
    [TestMethod]
    public async Task ServerRestartsDuringAChat_BannerShowsReconnecting_WindowsComeBackWithTheDialog()
    {
        var host = await HostProcess.StartAsync(TestModulesConfig.WithChat());
        await using var browser = await Browser.LaunchAsync();
        try
        {
            var alice = await SignInAsync(browser, host, "alice");
            var bob = await SignInAsync(browser, host, "bob");
            await alice.GetByTestId("chat-start").ClickAsync();
            await alice.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
            await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
            await bob.GetByTestId("invitation-accept").ClickAsync();
            await Expect(alice.GetByTestId("chat-connection-bob")).ToBeVisibleAsync();
            await FluentFields.FillAsync(alice.GetByTestId("chat-input"), "Before the outage");
            await FluentFields.TextArea(alice.GetByTestId("chat-input")).PressAsync("Enter");
            await Expect(Messages(bob)).ToHaveCountAsync(1);
            var sessionId = await alice.GetByTestId("chat-window").GetAttributeAsync("data-session-id");

            await host.KillAsync();

            await Expect(alice.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "reconnecting");
            await Expect(alice.GetByTestId("connection-status")).ToHaveTextAsync("Reconnecting…");
            await Expect(alice.GetByTestId("chat-window")).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(alice, "chat-reconnecting");

            host = await host.RestartAsync(new Dictionary<string, string> { ["urls"] = host.BaseAddress.ToString().TrimEnd('/') });

            // The old circuit died with the server: the shell starts a new one by itself and chat comes back, caught up.
            foreach (var page in new[] { alice, bob })
            {
                await Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 90_000 });
                await Expect(page.GetByTestId("chat-window")).ToHaveAttributeAsync("data-session-id", sessionId!);
                await Expect(Messages(page)).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("Before the outage")]);
            }

            await FluentFields.FillAsync(bob.GetByTestId("chat-input"), "After the outage");
            await FluentFields.TextArea(bob.GetByTestId("chat-input")).PressAsync("Enter");
            await Expect(Messages(alice)).ToHaveCountAsync(2);
            await Expect(Messages(alice).Last).ToContainTextAsync("After the outage");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static ILocator Messages(IPage page) => page.Locator("[data-testid=chat-window] [data-testid=chat-dialog-entry][data-kind=message]");

    private static async Task<IPage> SignInAsync(Browser browser, HostProcess host, string userName)
    {
        var page = await browser.SignInAsync(host, userName);
        await Expect(page.GetByTestId("chat-start")).ToBeEnabledAsync();
        return page;
    }
}
