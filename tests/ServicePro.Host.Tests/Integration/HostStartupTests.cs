using System.Net;
using ServicePro.Host.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>Start-up with catalogs that are wrong in the ways an administrator could get them wrong.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class HostStartupTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task MalformedModulesConfig_HostStopsWithOneMessageNamingFileAndLine()
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync("""
            <modules>
              <module id="share" assembly="ServicePro.Modules.Share" />
              <module id="chat" assembly="ServicePro.Modules.Chat" enabled="maybe" />
            </modules>
            """, TestContext.CancellationToken);

        Assert.AreEqual(2, exitCode);
        StringAssert.Matches(output, new System.Text.RegularExpressions.Regex(@"ServicePro cannot start: /\S+/modules\.config\(3\): module 'chat': enabled=""maybe"" must be ""true"" or ""false""\."));
        Assert.DoesNotContain("Now listening", output);
    }

    [TestMethod]
    public async Task MissingModuleAndDisabledProbe_HostStarts_FailedModuleListed_DisabledModuleAnswers404()
    {
        await using var host = await HostProcess.StartAsync("""
            <modules>
              <module id="share" assembly="ServicePro.Modules.Share" />
              <module id="ghost" assembly="ServicePro.Modules.Ghost" />
              <module id="probe" assembly="PROBE" enabled="false" />
            </modules>
            """.Replace("PROBE", TestPaths.ProbeModuleAssembly, StringComparison.Ordinal), cancellationToken: TestContext.CancellationToken);
        using var client = host.CreateClient();
        await SignIn.AsAsync(client, "admin");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("admin/modules"));

        HtmlAssert.ModuleState(html, "ghost", "Failed");
        StringAssert.Contains(html, "assembly 'ServicePro.Modules.Ghost' not found at");
        HtmlAssert.ModuleState(html, "share", "Enabled");
        HtmlAssert.ModuleState(html, "probe", "Disabled");

        using var endpoint = await client.GetAsync("api/probe");
        Assert.AreEqual(HttpStatusCode.NotFound, endpoint.StatusCode);
        Assert.DoesNotContain("tile-probe", await client.GetStringAsync(""));
    }

    [TestMethod]
    public async Task DemoSeedingOff_NoDemoAccounts()
    {
        await using var host = await HostProcess.StartAsync(settings: new Dictionary<string, string> { ["Database:SeedDemoData"] = "false" }, cancellationToken: TestContext.CancellationToken);
        using var client = host.CreateClient();

        using var response = await SignIn.PostLoginAsync(client, "alice", cancellationToken: TestContext.CancellationToken);

        StringAssert.Contains(await response.Content.ReadAsStringAsync(TestContext.CancellationToken), "The user name or password is not correct.");
    }
}
