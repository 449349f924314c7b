using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Testing;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Two hosts on one PostgreSQL database and Redis: an administrator on host A disables a user whose shell and hub
/// client are on host B; both are cut off at once (UserAccessRevokedEvent crosses hosts through the cluster bus).
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class UsersTwoHostsTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task DisableOnHostA_HerShellAndHubClientOnHostBAreCutOff()
    {
        var deployment = await ScaleOutSettings.SharedAsync(TestContext.CancellationToken);
        var settings = deployment.With();
        var hostA = await HostProcess.StartAsync(TestModulesConfig.WithChat(), settings, TestContext.CancellationToken);
        var hostB = await HostProcess.StartAsync(TestModulesConfig.WithChat(), settings, TestContext.CancellationToken);
        await using var browser = await Browser.LaunchAsync();
        try
        {
            var admin = await browser.SignInAsync(hostA, "admin");
            await UsersPage.OpenAsync(admin);
            await UsersPage.CreateAsync(admin, "taras", "Тарас 🌻");
            var taras = await UsersPage.FirstSignInAsync(browser, hostB, "taras", "Taras#2026ok");
            await Expect(taras.GetByTestId("nav-account")).ToBeVisibleAsync();
            var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(hostB.BaseAddress, "hubs/chat"), o => o.AccessTokenProvider = () => TokenAsync(hostB, "taras", "Taras#2026ok"))
                .Build();
            hub.Closed += _ =>
            {
                closed.TrySetResult();
                return Task.CompletedTask;
            };
            await hub.StartAsync(TestContext.CancellationToken);

            await admin.GetByTestId("user-disable-taras").ClickAsync();

            await Expect(admin.GetByTestId("user-row-taras")).ToHaveAttributeAsync("data-enabled", "false");
            await Expect(taras).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.CancellationToken);
            await taras.GotoAsync("");
            await Expect(taras).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        }
        finally
        {
            await hostA.DisposeAsync();
            await hostB.DisposeAsync();
            Directory.Delete(deployment.Folder, recursive: true);
        }
    }

    private static async Task<string?> TokenAsync(HostProcess host, string userName, string password)
    {
        using var http = host.CreateClient();
        using var response = await http.PostAsJsonAsync("account/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString();
    }
}
