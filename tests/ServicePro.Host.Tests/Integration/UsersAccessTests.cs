using System.Net;
using System.Net.Http.Json;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>Admin → Users and the own-password page on the real host: who may open what, checked by the server.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class UsersAccessTests
{
    private static HostProcess s_host = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context) => s_host = await HostProcess.StartAsync(cancellationToken: context.CancellationToken);

    [ClassCleanup]
    public static async Task StopHost() => await s_host.DisposeAsync();

    [TestMethod]
    public async Task AdminUsers_Rep_IsDeniedAndHasNoEntry()
    {
        using var client = s_host.CreateClient();
        await SignIn.AsAsync(client, "bob", TestContext.CancellationToken);

        using var response = await client.GetAsync("admin/users", TestContext.CancellationToken);
        var workbench = await client.GetStringAsync("", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.Contains(response.Headers.Location!.ToString(), "/account/access-denied");
        Assert.DoesNotContain("nav-admin-users", workbench);
        StringAssert.Contains(workbench, "data-testid=\"nav-account\"");
    }

    [TestMethod]
    public async Task AdminUsers_NotSignedIn_SentToSignIn()
    {
        using var client = s_host.CreateClient();

        using var response = await client.GetAsync("admin/users", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.Contains(response.Headers.Location!.ToString(), "/account/login");
    }

    [TestMethod]
    public async Task AdminUsers_Administrator_ListsEveryUserWithTheAuditTrail()
    {
        using var client = s_host.CreateClient();
        await SignIn.AsAsync(client, "admin", TestContext.CancellationToken);

        var html = await client.GetStringAsync("admin/users", TestContext.CancellationToken);

        foreach (var user in new[] { "admin", "alice", "bob", "carol" })
        {
            StringAssert.Contains(html, $"data-testid=\"user-row-{user}\"");
        }

        StringAssert.Contains(html, "data-testid=\"users-audit\"");
    }

    [TestMethod]
    public async Task AccountPassword_SignedIn_AsksForHerCurrentPasswordOnly()
    {
        using var client = s_host.CreateClient();
        await SignIn.AsAsync(client, "carol", TestContext.CancellationToken);

        var html = await client.GetStringAsync("account/password?user=alice", TestContext.CancellationToken);

        StringAssert.Contains(html, "Signed in as <strong>carol</strong>");
        StringAssert.Contains(html, "data-testid=\"password-current\"");
        Assert.DoesNotContain("data-testid=\"password-username\"", html, "signed in, she changes her own password, whatever the address says");
    }

    [TestMethod]
    public async Task Token_WrongPasswordForAnAccount_StaysUnauthorized()
    {
        using var client = s_host.CreateClient();

        using var response = await client.PostAsJsonAsync("account/token", new { userName = "alice", password = "неверно🙂" }, TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
