using System.Diagnostics;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Presence follows the rep's browser itself: when it vanishes (killed, not closed), the others see her Offline within
/// 45 s and the session she originated ends once the grace period has run, within 15 s more. The host runs with a grace
/// period of 10 s rather than the shipped minute, so that the test does not sit idle for a minute; the shipped value
/// is the one the application tests run with (ChatApplicationTests).
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class PresenceTests
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(10);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task OriginatorsBrowserKilled_OfflineWithin45Seconds_HerSessionEndsAfterTheGracePeriodWithin15SecondsMore()
    {
        var settings = new Dictionary<string, string> { ["Modules:chat:OriginatorGracePeriod"] = GracePeriod.ToString("c") };
        await using var host = await HostProcess.StartAsync(TestModulesConfig.WithChat(), settings, TestContext.CancellationToken);
        await using var others = await Browser.LaunchAsync();
        await using var alicesBrowser = await KillableBrowser.LaunchAsync(host);
        var alice = await alicesBrowser.SignInAsync("alice");
        var bob = await others.SignInAsync(host, "bob");
        await alice.GetByTestId("chat-start").ClickAsync();
        await alice.GetByTestId("invite-candidate-bob").Locator("input").CheckAsync();
        await FluentFields.ClickWhenEnabledAsync(alice.GetByTestId("invite-send"));
        await bob.GetByTestId("invitation-accept").ClickAsync();
        var aliceSeenByBob = bob.GetByTestId("chat-window").GetByTestId("chat-connection-alice");
        await Expect(aliceSeenByBob).ToHaveAttributeAsync("data-status", "Available");

        await alicesBrowser.KillAsync();
        var sinceKill = Stopwatch.StartNew();

        await Expect(aliceSeenByBob).ToHaveAttributeAsync("data-status", "Offline", new() { Timeout = 45_000 });
        var offlineAfter = sinceKill.Elapsed;
        var endBy = GracePeriod + TimeSpan.FromSeconds(15) - sinceKill.Elapsed;
        await Expect(bob.GetByTestId("chat-ended")).ToBeVisibleAsync(new() { Timeout = (float)Math.Max(1, endBy.TotalMilliseconds) });
        var endedAfter = sinceKill.Elapsed;
        Assert.IsGreaterThanOrEqualTo(GracePeriod, endedAfter, $"her session ended {endedAfter.TotalSeconds:0.0} s after her browser was killed, before the grace period had run");

        await Expect(bob.GetByTestId("chat-ended")).ToContainTextAsync("disconnected for too long");
        TestContext.WriteLine($"alice Offline on bob's screen {offlineAfter.TotalSeconds:0.0} s after her browser was killed; her session ended after {endedAfter.TotalSeconds:0.0} s (grace period {GracePeriod.TotalSeconds:0} s)");
        await Browser.ScreenshotAsync(bob, "presence-originator-vanished");
    }
}
