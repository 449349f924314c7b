using System.Net;
using System.Text.Json;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>
/// <c>/health/ready</c> tells a load balancer whether the host can serve (its database, and Redis when configured);
/// <c>/health</c> only says the process answers. Both anonymous.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ReadinessTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Ready_OneHostWithoutRedis_OkCheckingTheDatabaseOnly()
    {
        await using var host = await HostProcess.StartAsync(cancellationToken: TestContext.CancellationToken);
        using var http = host.CreateClient();

        var (status, checks) = await ReadyAsync(http);

        Assert.AreEqual(HttpStatusCode.OK, status);
        CollectionAssert.AreEquivalent(new[] { "database" }, checks.Keys.ToArray());
        Assert.AreEqual("Healthy", checks["database"]);
    }

    [TestMethod]
    public async Task Ready_RedisStopped_503NamingRedisWhileLivenessStaysOk()
    {
        await using var redis = await RedisServer.StartAsync(TestContext.CancellationToken);
        await using var host = await HostProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:ChannelPrefix"] = RedisServer.NewChannelPrefix(),
        }, cancellationToken: TestContext.CancellationToken);
        using var http = host.CreateClient();

        var (upStatus, upChecks) = await ReadyAsync(http);
        await redis.StopAsync();
        var (downStatus, downChecks) = await ReadyAsync(http);
        using var liveness = await http.GetAsync("health", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, upStatus);
        CollectionAssert.AreEquivalent(new[] { "database", "redis" }, upChecks.Keys.ToArray());
        Assert.IsTrue(upChecks.Values.All(v => v == "Healthy"));
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, downStatus);
        Assert.AreEqual("Unhealthy", downChecks["redis"]);
        Assert.AreEqual("Healthy", downChecks["database"]);
        Assert.AreEqual(HttpStatusCode.OK, liveness.StatusCode);
    }

    /// <summary>The readiness answer: its status code and each check's status by name.</summary>
    private async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync("health/ready", TestContext.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.CancellationToken));
        var checks = body.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }
}
