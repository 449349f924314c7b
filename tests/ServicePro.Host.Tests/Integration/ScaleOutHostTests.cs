using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>
/// Two real hosts of one deployment (one SQLite file, one Redis) behind an imaginary load balancer: whatever one host
/// signed, the other reads, since their data-protection keys are one key ring in Redis.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ScaleOutHostTests
{
    private static ScaleOutSettings s_deployment = null!;
    private static HostProcess s_hostA = null!;
    private static HostProcess s_hostB = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartHosts(TestContext context)
    {
        s_deployment = await ScaleOutSettings.SharedAsync(context.CancellationToken);
        var settings = s_deployment.With();

        // One after the other: the first creates the shared database.
        s_hostA = await HostProcess.StartAsync(settings: settings, cancellationToken: context.CancellationToken);
        s_hostB = await HostProcess.StartAsync(settings: settings, cancellationToken: context.CancellationToken);
    }

    [ClassCleanup]
    public static async Task StopHosts()
    {
        await s_hostA.DisposeAsync();
        await s_hostB.DisposeAsync();
    }

    [TestMethod]
    public async Task BearerToken_IssuedByHostA_AcceptedByHostB()
    {
        using var onA = s_hostA.CreateClient();
        using var issued = await onA.PostAsJsonAsync("account/token", new { userName = "alice", password = SignIn.DemoPassword }, TestContext.CancellationToken);
        issued.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync(TestContext.CancellationToken));
        var token = body.RootElement.GetProperty("accessToken").GetString();
        using var onB = s_hostB.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/probe/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

        using var response = await onB.SendAsync(request, TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("alice", await response.Content.ReadAsStringAsync(TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task DataProtectionKeys_TwoHosts_KeptInRedisUnderTheDeploymentsPrefix()
    {
        // On this machine both hosts could also meet in the user's default key folder; hosts on two machines cannot.
        using var onA = s_hostA.CreateClient();
        using var issued = await onA.PostAsJsonAsync("account/token", new { userName = "carol", password = SignIn.DemoPassword }, TestContext.CancellationToken);
        issued.EnsureSuccessStatusCode();

        var keys = await s_deployment.Redis.CommandAsync(["LLEN", $"{s_deployment.ChannelPrefix}:DataProtection-Keys"], TestContext.CancellationToken);

        Assert.AreNotEqual(":0", keys, "the key ring is not in Redis");
        StringAssert.StartsWith(keys, ":");
    }

    [TestMethod]
    public async Task SignInCookie_IssuedByHostA_OpensTheShellOnHostB()
    {
        // One browser: cookies are kept per host name, not per port, so host A's cookie goes to host B as well.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        browser.BaseAddress = s_hostA.BaseAddress;
        await SignIn.AsAsync(browser, "bob", TestContext.CancellationToken);

        using var onB = await browser.GetAsync(new Uri(s_hostB.BaseAddress, "/"), TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, onB.StatusCode, $"host B answered {onB.StatusCode} {onB.Headers.Location}");
    }
}
