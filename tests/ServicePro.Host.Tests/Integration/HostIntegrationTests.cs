using System.Net;
using ServicePro.Host.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>The real host on 127.0.0.1, with a temporary data folder and modules.config (Share and Probe enabled).</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class HostIntegrationTests
{
    private static HostProcess s_host = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context) => s_host = await HostProcess.StartAsync(cancellationToken: context.CancellationToken);

    [ClassCleanup]
    public static async Task StopHost() => await s_host.DisposeAsync();

    [TestMethod]
    public async Task AnyPage_NotSignedIn_RedirectsToSignIn()
    {
        using var client = s_host.CreateClient();

        using var response = await client.GetAsync("admin/modules");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.Contains(response.Headers.Location!.ToString(), "/account/login?ReturnUrl=%2Fadmin%2Fmodules");
    }

    [TestMethod]
    public async Task SignIn_WrongPassword_ClearErrorAndNoCookie()
    {
        using var client = s_host.CreateClient();

        using var response = await SignIn.PostLoginAsync(client, "alice", "wrong");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "The user name or password is not correct.");
        using var workbench = await client.GetAsync("");
        Assert.AreEqual(HttpStatusCode.Redirect, workbench.StatusCode);
    }

    [TestMethod]
    public async Task SignIn_DemoRep_SeesTheWorkbenchWithModuleTiles()
    {
        using var client = s_host.CreateClient();
        await SignIn.AsAsync(client, "alice");

        var html = await client.GetStringAsync("");

        StringAssert.Contains(html, "data-testid=\"workbench\"");
        StringAssert.Contains(html, "data-testid=\"tile-probe\"");
        StringAssert.Contains(html, "data-testid=\"current-user\"");
        StringAssert.Contains(html, ">alice<");
        Assert.DoesNotContain("nav-admin-modules", html, "a rep has no Admin entry");
    }

    [TestMethod]
    public async Task AdminModules_Rep_IsDenied()
    {
        using var client = s_host.CreateClient();
        await SignIn.AsAsync(client, "bob");

        using var response = await client.GetAsync("admin/modules");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.Contains(response.Headers.Location!.ToString(), "/account/access-denied");
    }

    [TestMethod]
    public async Task AdminModules_Administrator_SeesEveryModuleAndItsState()
    {
        using var client = s_host.CreateClient();
        await SignIn.AsAsync(client, "admin");

        var html = await client.GetStringAsync("admin/modules");

        StringAssert.Contains(html, "data-testid=\"module-row-share\"");
        StringAssert.Contains(html, "data-testid=\"module-row-probe\"");
        HtmlAssert.ModuleState(html, "share", "Enabled");
    }

    [TestMethod]
    public async Task ModuleEndpointAndPage_Enabled_Serve()
    {
        using var client = s_host.CreateClient();
        await SignIn.AsAsync(client, "alice");

        Assert.AreEqual("probe ok", await client.GetStringAsync("api/probe"));
        StringAssert.Contains(await client.GetStringAsync("probe"), "data-testid=\"probe-page\"");
        Assert.AreEqual("probe static file\n", await client.GetStringAsync("_modules/probe/probe.txt"));
    }

    [TestMethod]
    public async Task Logout_EndsTheSession()
    {
        using var client = s_host.CreateClient();
        await SignIn.AsAsync(client, "carol");
        var page = await client.GetStringAsync("");
        var token = SignIn.AntiforgeryToken(page);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var logout = await client.PostAsync("account/logout", content);

        Assert.AreEqual(HttpStatusCode.Redirect, logout.StatusCode);
        using var after = await client.GetAsync("");
        Assert.AreEqual(HttpStatusCode.Redirect, after.StatusCode);
    }

    [TestMethod]
    public void Data_CreatedInTheConfiguredFolder()
    {
        Assert.IsTrue(File.Exists(Path.Combine(s_host.WorkDirectory, "data", "servicepro.db")));
    }
}
