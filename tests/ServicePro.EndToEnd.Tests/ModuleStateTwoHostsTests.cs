using System.Diagnostics;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Two hosts on one database: an administrator disables the sample module on host A, and a rep's open shell on host B
/// loses its Social item without a reload, within 2 s (host B polls the stored state every second). The choice is in
/// the database, so it survives restarting both hosts on a fresh modules.config.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ModuleStateTwoHostsTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(2);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task DisableOnHostA_ShellOnHostBLosesTheSocialItemWithin2sWithoutReload_AndItStaysDisabledAfterRestartingBoth()
    {
        var deployment = await ScaleOutSettings.SharedAsync(TestContext.CancellationToken);
        var folder = deployment.Folder;
        var settings = deployment.With();
        var hostA = await HostProcess.StartAsync(settings: settings, cancellationToken: TestContext.CancellationToken);
        var hostB = await HostProcess.StartAsync(settings: settings, cancellationToken: TestContext.CancellationToken);
        await using var browser = await Browser.LaunchAsync();
        try
        {
            var admin = await browser.SignInAsync(hostA, "admin");
            var adminAtB = await browser.SignInAsync(hostB, "admin");
            var alice = await browser.SignInAsync(hostB, "alice");
            await adminAtB.GetByTestId("nav-admin-modules").ClickAsync();
            await Expect(adminAtB.GetByTestId("module-state-share")).ToHaveTextAsync("Enabled");
            await alice.GetByTestId("ribbon-social").ClickAsync();
            await Expect(alice.GetByTestId("social-item-share")).ToBeVisibleAsync();

            await admin.GetByTestId("nav-admin-modules").ClickAsync();
            await admin.GetByTestId("module-toggle-share").ClickAsync();
            await Expect(admin.GetByTestId("module-state-share")).ToHaveTextAsync("Disabled");
            var disabled = Stopwatch.StartNew();

            // Host B, without a reload: its Admin → Modules says Disabled and Alice's open menu loses the item.
            await Expect(adminAtB.GetByTestId("module-state-share")).ToHaveTextAsync("Disabled", new() { Timeout = (float)Within.TotalMilliseconds });
            await Expect(alice.GetByTestId("social-item-share")).ToHaveCountAsync(0, new() { Timeout = (float)Within.TotalMilliseconds });
            var elapsed = disabled.Elapsed;
            await Expect(alice.GetByTestId("social-item-probe")).ToBeVisibleAsync();
            Assert.IsLessThan(Within, elapsed, $"host B followed in {elapsed.TotalMilliseconds:F0} ms");
            TestContext.WriteLine($"Host B followed host A's change in {elapsed.TotalMilliseconds:F0} ms");

            // Both hosts restart on a fresh modules.config, as a redeploy brings it (share enabled by default).
            await File.WriteAllTextAsync(hostA.ModulesConfigPath, HostProcess.DefaultModulesConfig(), TestContext.CancellationToken);
            await File.WriteAllTextAsync(hostB.ModulesConfigPath, HostProcess.DefaultModulesConfig(), TestContext.CancellationToken);
            hostA = await hostA.RestartAsync(settings, TestContext.CancellationToken);
            hostB = await hostB.RestartAsync(settings, TestContext.CancellationToken);

            var aliceAgain = await browser.SignInAsync(hostB, "alice");
            await aliceAgain.GetByTestId("ribbon-social").ClickAsync();
            await Expect(aliceAgain.GetByTestId("social-item-probe")).ToBeVisibleAsync();
            await Expect(aliceAgain.GetByTestId("social-item-share")).ToHaveCountAsync(0);
            var adminAgain = await browser.SignInAsync(hostA, "admin");
            await adminAgain.GetByTestId("nav-admin-modules").ClickAsync();
            await Expect(adminAgain.GetByTestId("module-state-share")).ToHaveTextAsync("Disabled");
        }
        finally
        {
            await hostA.DisposeAsync();
            await hostB.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
