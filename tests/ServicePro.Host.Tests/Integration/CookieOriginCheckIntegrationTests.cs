using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>
/// The chat hub and the Blazor circuit with alice's cookie, as a page of this or another origin would open them, on a host
/// configured to allow one extra origin (its public address behind a proxy).
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class CookieOriginCheckIntegrationTests
{
    private const string ProxyOrigin = "https://desk.example.com";
    private const string OtherOrigin = "https://evil.example.com";

    private static HostProcess s_host = null!;
    private static CookieContainer s_aliceCookies = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context)
    {
        s_host = await HostProcess.StartAsync(
            TestModulesConfig.WithChat(),
            new Dictionary<string, string> { ["Security:AllowedOrigins:0"] = ProxyOrigin },
            context.CancellationToken);
        s_aliceCookies = new CookieContainer();
        using var client = CreateClient(s_aliceCookies);
        await SignIn.AsAsync(client, "alice", context.CancellationToken);
    }

    [ClassCleanup]
    public static async Task StopHost() => await s_host.DisposeAsync();

    private static string OwnOrigin => s_host.BaseAddress.GetLeftPart(UriPartial.Authority);

    [TestMethod]
    [DataRow("hubs/chat")]
    [DataRow("_blazor")]
    public async Task Negotiate_CookieFromAnotherOrigin_IsRefused(string hub)
    {
        using var client = CreateClient(s_aliceCookies);

        using var response = await NegotiateAsync(client, hub, OtherOrigin);

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        await s_host.WaitForOutputAsync($"Refused /{hub}/negotiate to a page of {OtherOrigin}", TimeSpan.FromSeconds(10));
    }

    [TestMethod]
    [DataRow("hubs/chat", "own")]
    [DataRow("hubs/chat", ProxyOrigin)]
    [DataRow("hubs/chat", null)]
    [DataRow("_blazor", "own")]
    [DataRow("_blazor", ProxyOrigin)]
    public async Task Negotiate_CookieFromOwnOrAllowedOriginOrNoBrowser_IsAccepted(string hub, string? origin)
    {
        using var client = CreateClient(s_aliceCookies);

        using var response = await NegotiateAsync(client, hub, origin == "own" ? OwnOrigin : origin);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "connectionToken");
    }

    [TestMethod]
    public async Task Negotiate_BearerTokenFromAnotherOrigin_IsAccepted()
    {
        using var client = CreateClient(new CookieContainer());
        using var token = await client.PostAsJsonAsync("account/token", new { userName = "bob", password = SignIn.DemoPassword });
        using var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.RootElement.GetProperty("accessToken").GetString());

        using var response = await NegotiateAsync(client, "hubs/chat", OtherOrigin);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task WebSocketUpgrade_CookieFromAnotherOrigin_IsRefused_FromAllowedOriginOpens()
    {
        using var refused = CreateWebSocket(OtherOrigin);
        await Assert.ThrowsExactlyAsync<WebSocketException>(() => refused.ConnectAsync(HubUrl(), CancellationToken.None));
        Assert.AreEqual(HttpStatusCode.Forbidden, refused.HttpStatusCode);

        using var allowed = CreateWebSocket(ProxyOrigin);
        await allowed.ConnectAsync(HubUrl(), CancellationToken.None);
        Assert.AreEqual(WebSocketState.Open, allowed.State);
        await allowed.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [TestMethod]
    public async Task Start_AllowedOriginIsNotAnOrigin_StopsWithTheSettingsName()
    {
        var failure = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => HostProcess.StartAsync(
            settings: new Dictionary<string, string> { ["Security:AllowedOrigins:0"] = "desk.example.com/chat" }));

        StringAssert.Contains(failure.Message, "Security:AllowedOrigins: every entry must be an origin");
    }

    private static Uri HubUrl() => new UriBuilder(new Uri(s_host.BaseAddress, "hubs/chat")) { Scheme = "ws" }.Uri;

    private static ClientWebSocket CreateWebSocket(string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        socket.Options.SetRequestHeader("Cookie", s_aliceCookies.GetCookieHeader(s_host.BaseAddress));
        return socket;
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string hub, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{hub}/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    private static HttpClient CreateClient(CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = s_host.BaseAddress };
}
