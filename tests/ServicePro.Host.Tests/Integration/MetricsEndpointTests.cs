using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>
/// <c>/metrics</c> on the real host: there only when enabled, and read only by a caller from an allowed network or an
/// administrator (cookie or bearer). Everyone else is refused: 401 without credentials, 403 for a rep.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class MetricsEndpointTests
{
    private const string Metrics = "metrics";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Metrics_NoAllowedNetwork_OnlyAnAdministratorReadsThem()
    {
        await using var host = await HostProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:AllowedNetworks"] = string.Empty,
        }, cancellationToken: TestContext.CancellationToken);

        using var anonymous = host.CreateClient();
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Metrics, TestContext.CancellationToken)).StatusCode);

        using var rep = host.CreateClient();
        await SignIn.AsAsync(rep, "alice", TestContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await rep.GetAsync(Metrics, TestContext.CancellationToken)).StatusCode, "a rep's cookie");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await GetWithTokenAsync(host, "bob")).StatusCode, "a rep's bearer token");
        using var wrong = await SignIn.PostLoginAsync(host.CreateClient(), "carol", "not her password 🙃", TestContext.CancellationToken);

        using var admin = host.CreateClient();
        await SignIn.AsAsync(admin, "admin", TestContext.CancellationToken);
        using var byCookie = await admin.GetAsync(Metrics, TestContext.CancellationToken);
        using var byToken = await GetWithTokenAsync(host, "admin");

        Assert.AreEqual(HttpStatusCode.OK, byCookie.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, byToken.StatusCode);
        var scrape = PrometheusText.Parse(await byToken.Content.ReadAsStringAsync(TestContext.CancellationToken));
        Assert.AreEqual(4, scrape["servicepro_host_sign_ins_total{outcome=\"succeeded\"}"], "alice and admin by form, bob and admin by token:\n" + scrape.Text);
        Assert.AreEqual(1, scrape["servicepro_host_sign_ins_total{outcome=\"failed\"}"], scrape.Text);
        Assert.AreEqual(2, scrape["servicepro_host_modules{state=\"Enabled\"}"], "share and probe:\n" + scrape.Text);
        Assert.IsTrue(scrape.Has("servicepro_host_module_start_duration_seconds{module=\"probe\"}"), scrape.Text);
    }

    [TestMethod]
    public async Task Metrics_CallerFromAnAllowedNetwork_ReadsThemWithoutSigningIn()
    {
        // Loopback is allowed by default: the test's own address.
        await using var host = await HostProcess.StartAsync(settings: new Dictionary<string, string> { ["Telemetry:Prometheus:Enabled"] = "true" }, cancellationToken: TestContext.CancellationToken);
        using var anonymous = host.CreateClient();

        using var response = await anonymous.GetAsync(Metrics, TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.StartsWith(response.Content.Headers.ContentType?.MediaType, "text/plain");
        StringAssert.Contains(await response.Content.ReadAsStringAsync(TestContext.CancellationToken), "servicepro_host_modules{");
    }

    [TestMethod]
    public async Task Metrics_NotEnabled_NotFoundEvenForAnAdministrator()
    {
        await using var host = await HostProcess.StartAsync(cancellationToken: TestContext.CancellationToken);
        using var admin = host.CreateClient();
        await SignIn.AsAsync(admin, "admin", TestContext.CancellationToken);

        using var response = await admin.GetAsync(Metrics, TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetWithTokenAsync(HostProcess host, string userName)
    {
        using var http = host.CreateClient();
        using var signIn = await http.PostAsJsonAsync("account/token", new { userName, password = SignIn.DemoPassword }, TestContext.CancellationToken);
        signIn.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync(TestContext.CancellationToken));
        using var request = new HttpRequestMessage(HttpMethod.Get, Metrics)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString()) },
        };
        return await http.SendAsync(request, TestContext.CancellationToken);
    }
}
