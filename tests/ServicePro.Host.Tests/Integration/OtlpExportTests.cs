using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>
/// <c>Telemetry:Otlp:Endpoint</c> on the real host: metrics, traces and logs reach a collector (here a stand-in that
/// records what OTLP/HTTP posts to it), named as ServicePro's, and carry no password.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class OtlpExportTests
{
    private const string WrongPassword = "Пароль 密码 🔑 wrong";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Otlp_EndpointSet_MetricsTracesAndLogsReachTheCollector_WithoutPasswords()
    {
        var received = new ConcurrentDictionary<string, ConcurrentQueue<byte[]>>();
        var allThree = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            // Metrics come every half second: wait for an export made after the sign-ins.
            if (Contains("metrics", "servicepro.host.sign_ins") && received.ContainsKey("traces") && received.ContainsKey("logs"))
            {
                allThree.TrySetResult();
            }

            return Results.Ok();
        });
        await collector.StartAsync(TestContext.CancellationToken);
        var address = collector.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        await using var host = await HostProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Telemetry:Otlp:Endpoint"] = address,
            ["Telemetry:Otlp:Protocol"] = "http/protobuf",
            // The SDK's own settings (read from configuration): export within a second instead of a minute.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        }, cancellationToken: TestContext.CancellationToken);
        using var alice = host.CreateClient();
        await SignIn.AsAsync(alice, "alice", TestContext.CancellationToken);
        using var wrong = await SignIn.PostLoginAsync(host.CreateClient(), "bob", WrongPassword, TestContext.CancellationToken);

        await allThree.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken);

        Assert.IsTrue(Contains("traces", "servicepro"), "spans carry the service name");
        Assert.IsTrue(Contains("logs", "ServicePro"), "the host's logs are exported");
        foreach (var (signal, bodies) in received)
        {
            foreach (var password in new[] { WrongPassword, SignIn.DemoPassword })
            {
                Assert.IsFalse(bodies.Any(b => Encoding.UTF8.GetString(b).Contains(password, StringComparison.Ordinal)), $"a password in the exported {signal}");
            }
        }

        bool Contains(string signal, string text) =>
            received.TryGetValue(signal, out var bodies) && bodies.Any(b => Encoding.UTF8.GetString(b).Contains(text, StringComparison.Ordinal));
    }
}
