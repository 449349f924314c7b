using System.Net;
using ServicePro.Host.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>A module built against a Contracts version this host does not run: Failed with both versions named, the rest starts.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ContractsVersionHostTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task ModuleBuiltAgainstNewerMinor_HostStarts_ModuleFailedNamingBothVersions_OthersEnabled()
    {
        var other = OtherContractsModule.Build(new Version(1, 5, 0, 0));
        await using var host = await HostProcess.StartAsync($"""
            <modules>
              <module id="share" assembly="ServicePro.Modules.Share" />
              <module id="{OtherContractsModule.ModuleId}" assembly="{other}" />
              <module id="probe" assembly="{TestPaths.ProbeModuleAssembly}" />
            </modules>
            """, cancellationToken: TestContext.CancellationToken);
        using var client = host.CreateClient();
        await SignIn.AsAsync(client, "admin");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("admin/modules", TestContext.CancellationToken));

        HtmlAssert.ModuleState(html, OtherContractsModule.ModuleId, "Failed");
        StringAssert.Contains(html, "was built against ServicePro.Contracts 1.5, but this host has ServicePro.Contracts 1.4");
        HtmlAssert.ModuleState(html, "share", "Enabled");
        HtmlAssert.ModuleState(html, "probe", "Enabled");
        StringAssert.Contains(await client.GetStringAsync("", TestContext.CancellationToken), "tile-probe");
    }
}
