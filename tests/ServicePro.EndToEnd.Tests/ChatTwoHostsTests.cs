using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Two hosts of one deployment (one SQLite file, one Redis), alice's shell on host A and bob's on host B, as a load
/// balancer with sticky sessions would place them: what happens in one shell's circuit reaches the other host's
/// circuit live (presence on the tiles, the invitation pop-up, the dialog).
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatTwoHostsTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Chat_ShellsOnTwoHosts_PresenceInvitationAndMessagesArriveLiveBothWays()
    {
        await using var redis = await RedisServer.StartAsync(TestContext.CancellationToken);
        var deployment = ScaleOutSettings.For(redis);
        await using var hostA = await HostProcess.StartAsync(TestModulesConfig.WithChat(), deployment.With(), TestContext.CancellationToken);
        await using var hostB = await HostProcess.StartAsync(TestModulesConfig.WithChat(), deployment.With(), TestContext.CancellationToken);
        await using var browser = await Browser.LaunchAsync();
        try
        {
            var alice = await browser.SignInAsync(hostA, "alice");
            var bob = await browser.SignInAsync(hostB, "bob");
            await Expect(alice.GetByTestId("chat-online-bob")).ToHaveAttributeAsync("data-status", "Available");
            await Expect(bob.GetByTestId("chat-online-alice")).ToHaveAttributeAsync("data-status", "Available");

            await alice.GetByTestId("chat-start").ClickAsync();
            await alice.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
            await alice.GetByTestId("invite-send").ClickAsync();
            await bob.GetByTestId("invitation-accept").ClickAsync();
            var aliceWindow = alice.GetByTestId("chat-window");
            var bobWindow = bob.GetByTestId("chat-window");
            await Expect(aliceWindow.GetByTestId("chat-connection-bob")).ToBeVisibleAsync();
            await aliceWindow.GetByTestId("chat-input").FillAsync("Привет, Боб! Принтер снова 🖨️");
            await aliceWindow.GetByTestId("chat-input").PressAsync("Enter");
            await Expect(bobWindow.GetByTestId("chat-dialog")).ToContainTextAsync("Привет, Боб! Принтер снова 🖨️");
            await bobWindow.GetByTestId("chat-input").FillAsync("好的，我来看看 👍");
            await bobWindow.GetByTestId("chat-input").PressAsync("Enter");
            await Expect(aliceWindow.GetByTestId("chat-dialog")).ToContainTextAsync("好的，我来看看 👍");
            await bob.GetByTestId("availability-select").SelectOptionAsync("Busy");
            await Expect(alice.GetByTestId("chat-online-bob")).ToHaveAttributeAsync("data-status", "Busy");

            await Expect(bobWindow.GetByTestId("chat-dialog-entry").Filter(new() { HasText = "Привет, Боб!" })).ToHaveCountAsync(1);
            await Browser.ScreenshotAsync(bob, "chat-two-hosts-bob-on-b");
        }
        finally
        {
            // The hosts' logs, for when the test fails.
            Directory.CreateDirectory(Browser.ScreenshotDirectory);
            await File.WriteAllTextAsync(Path.Combine(Browser.ScreenshotDirectory, "..", "chat-two-hosts-a.log"), hostA.Output, TestContext.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(Browser.ScreenshotDirectory, "..", "chat-two-hosts-b.log"), hostB.Output, TestContext.CancellationToken);
        }
    }
}
