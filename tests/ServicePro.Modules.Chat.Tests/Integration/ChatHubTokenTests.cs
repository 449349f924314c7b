using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Integration;

/// <summary>Bearer tokens against the chat hub on the real host: refresh, lockout, password change, expiry.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class ChatHubTokenTests
{
    private static HostProcess s_host = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context) => s_host = await ChatHostFixture.StartAsync(RecordFile(), cancellationToken: context.CancellationToken);

    [ClassCleanup]
    public static async Task StopHost() => await s_host.DisposeAsync();

    [TestMethod]
    public async Task Connect_TokenOfAUserLockedOutSince_Refused()
    {
        var token = await TokenAsync(s_host, "carol");
        await OpenAndCloseAsync(s_host, token.AccessToken);

        await IdentityDatabase.LockOutAsync(s_host, "carol");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => OpenAndCloseAsync(s_host, token.AccessToken));
        Assert.AreEqual(HttpStatusCode.Unauthorized, error.StatusCode);
        using var refresh = await RefreshAsync(token.RefreshToken);
        Assert.AreEqual(HttpStatusCode.Unauthorized, refresh.StatusCode, "nor does its refresh token work");
    }

    [TestMethod]
    public async Task Connect_TokenIssuedBeforeAPasswordChange_Refused()
    {
        var token = await TokenAsync(s_host, "bob");
        await OpenAndCloseAsync(s_host, token.AccessToken);

        await IdentityDatabase.ChangePasswordAsync(s_host, "bob", "Новый#пароль2026");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => OpenAndCloseAsync(s_host, token.AccessToken));
        Assert.AreEqual(HttpStatusCode.Unauthorized, error.StatusCode);
        using var refresh = await RefreshAsync(token.RefreshToken);
        Assert.AreEqual(HttpStatusCode.Unauthorized, refresh.StatusCode, "nor does its refresh token work");
        var fresh = await TokenAsync(s_host, "bob", "Новый#пароль2026");
        await OpenAndCloseAsync(s_host, fresh.AccessToken);
    }

    [TestMethod]
    public async Task Refresh_RefreshTokenOfASignIn_NewAccessTokenOpensTheHub()
    {
        var token = await TokenAsync(s_host, "alice");

        using var response = await RefreshAsync(token.RefreshToken);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var renewed = await ReadTokenAsync(response);
        Assert.AreNotEqual(token.AccessToken, renewed.AccessToken);
        await OpenAndCloseAsync(s_host, renewed.AccessToken);
    }

    [TestMethod]
    public async Task Refresh_NotARefreshToken_401NotARedirect()
    {
        var token = await TokenAsync(s_host, "admin");

        using var garbage = await RefreshAsync("не токен");
        using var accessInstead = await RefreshAsync(token.AccessToken);
        using var http = s_host.CreateClient();
        using var missing = await http.PostAsJsonAsync("account/refresh", new { });

        Assert.AreEqual(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, accessInstead.StatusCode, "an access token is not a refresh token");
        Assert.AreEqual(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [TestMethod]
    public async Task OpenConnection_ItsTokenExpires_ClosedByTheServer()
    {
        await using var host = await ChatHostFixture.StartAsync(
            RecordFile(),
            new Dictionary<string, string> { ["SignIn:AccessTokenLifetime"] = "00:00:10" },
            TestContext.CancellationToken);
        var token = await TokenAsync(host, "alice");
        await using var connection = Connection(host, token.AccessToken);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync(TestContext.CancellationToken);
        await connection.InvokeAsync<IReadOnlyList<PresenceDto>>(ChatConstants.Methods.GetPresence, TestContext.CancellationToken);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(90), TestContext.CancellationToken);

        Assert.AreEqual(HubConnectionState.Disconnected, connection.State);
    }

    private static string RecordFile() =>
        Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");

    private static HubConnection Connection(HostProcess host, string accessToken) => new HubConnectionBuilder()
        .WithUrl(ChatHostFixture.HubUrl(host), o => o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
        .Build();

    private static async Task OpenAndCloseAsync(HostProcess host, string accessToken)
    {
        await using var connection = Connection(host, accessToken);
        await connection.StartAsync();
        await connection.InvokeAsync<IReadOnlyList<PresenceDto>>(ChatConstants.Methods.GetPresence);
    }

    private static async Task<IssuedToken> TokenAsync(HostProcess host, string userName, string password = SignIn.DemoPassword)
    {
        using var http = host.CreateClient();
        using var response = await http.PostAsJsonAsync(ChatConstants.TokenRoute.TrimStart('/'), new { userName, password });
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"sign-in as {userName}");
        return await ReadTokenAsync(response);
    }

    private static async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var http = s_host.CreateClient();
        return await http.PostAsJsonAsync("account/refresh", new { refreshToken });
    }

    private static async Task<IssuedToken> ReadTokenAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new IssuedToken(body.RootElement.GetProperty("accessToken").GetString()!, body.RootElement.GetProperty("refreshToken").GetString()!);
    }

    private sealed record IssuedToken(string AccessToken, string RefreshToken);
}
