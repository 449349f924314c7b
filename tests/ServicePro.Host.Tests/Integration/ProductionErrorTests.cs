using System.Net;
using System.Text.RegularExpressions;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>
/// The real host in Production: an unhandled server error shows the shell's error page, and what went wrong stays in
/// the log. The Probe test module has a page and an endpoint that throw.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed partial class ProductionErrorTests
{
    // The Probe's ProbeFailure constants (tests name the Probe by path, they do not reference it).
    private const string FailingPage = "probe/fail";
    private const string FailingEndpoint = "api/probe/fail";
    private const string Detail = "probe failure: connection string Password=hunter2";

    private static HostProcess s_host = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context) =>
        s_host = await HostProcess.StartAsync(new HostStartOptions { Environment = "Production" }, cancellationToken: context.CancellationToken);

    [ClassCleanup]
    public static async Task StopHost() => await s_host.DisposeAsync();

    [TestMethod]
    public async Task ModulePage_ThrowsWhileRendering_ShowsErrorPageWithoutDetail()
    {
        await AssertErrorPageAsync(FailingPage);
    }

    [TestMethod]
    public async Task ModuleEndpoint_Throws_ShowsErrorPageWithoutDetail()
    {
        await AssertErrorPageAsync(FailingEndpoint);
    }

    private async Task AssertErrorPageAsync(string path)
    {
        using var client = s_host.CreateClient();
        await SignIn.AsAsync(client, "alice", TestContext.CancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html"); // as a browser asks: an error page in HTML
        using var response = await client.SendAsync(request, TestContext.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.InternalServerError, response.StatusCode, body);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType, body);
        StringAssert.Contains(body, "<h1>Something went wrong</h1>");
        StringAssert.Contains(body, "It has been logged as");
        foreach (var secret in new[] { "hunter2", "probe failure", nameof(InvalidOperationException), "ServicePro.TestModules.Probe" })
        {
            Assert.DoesNotContain(secret, body, $"the response shows \"{secret}\"");
        }

        Assert.DoesNotMatchRegex(StackFrame(), body, "the response shows a stack trace");

        await s_host.WaitForOutputAsync(Detail, TimeSpan.FromSeconds(10));
    }

    [GeneratedRegex(@"\bat [\w.`<>]+\.[\w<>]+\(")]
    private static partial Regex StackFrame();
}
