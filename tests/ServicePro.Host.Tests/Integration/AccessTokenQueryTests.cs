using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>
/// A bearer token in the <c>access_token</c> query string (for WebSockets, which cannot send headers) is taken under
/// <c>/hubs</c> only: elsewhere it would leak into logs and links. The Probe test module has a bearer-only endpoint on
/// each side of that line.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class AccessTokenQueryTests
{
    private const string UnderHubs = "hubs/probe/me";
    private const string OutsideHubs = "api/probe/me";
    private static HostProcess s_host = null!;
    private static string s_token = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context)
    {
        s_host = await HostProcess.StartAsync(cancellationToken: context.CancellationToken);
        using var http = s_host.CreateClient();
        using var response = await http.PostAsJsonAsync("account/token", new { userName = "alice", password = SignIn.DemoPassword }, context.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(context.CancellationToken));
        s_token = body.RootElement.GetProperty("accessToken").GetString()!;
    }

    [ClassCleanup]
    public static async Task StopHost() => await s_host.DisposeAsync();

    [TestMethod]
    public async Task AccessTokenQuery_UnderHubs_SignedIn()
    {
        using var http = s_host.CreateClient();

        using var response = await http.GetAsync($"{UnderHubs}?access_token={Uri.EscapeDataString(s_token)}", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("alice", await response.Content.ReadAsStringAsync(TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task AccessTokenQuery_OutsideHubs_NotSignedInThoughTheSameTokenAsAHeaderIs()
    {
        using var http = s_host.CreateClient();

        using var fromQuery = await http.GetAsync($"{OutsideHubs}?access_token={Uri.EscapeDataString(s_token)}", TestContext.CancellationToken);
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, OutsideHubs) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", s_token) } };
        using var fromHeader = await http.SendAsync(withHeader, TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.Unauthorized, fromQuery.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, fromHeader.StatusCode, "the endpoint does take a bearer token, only not from the query");
        Assert.AreEqual("alice", await fromHeader.Content.ReadAsStringAsync(TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task AccessTokenQuery_OnAPage_StillSentToSignIn()
    {
        using var http = s_host.CreateClient();

        using var response = await http.GetAsync($"?access_token={Uri.EscapeDataString(s_token)}", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.Contains(response.Headers.Location!.ToString(), "/account/login");
    }
}
