using Microsoft.Data.Sqlite;
using ServicePro.Testing;

namespace ServicePro.Modules.Requests.Tests.Integration;

/// <summary>The real host on 127.0.0.1 with a modules.config that lists the Requests module.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class RequestsHostTests
{
    private static HostProcess s_host = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context) =>
        s_host = await HostProcess.StartAsync(TestModulesConfig.WithRequests(), cancellationToken: context.CancellationToken);

    [ClassCleanup]
    public static async Task StopHost() => await s_host.DisposeAsync();

    private static async Task<HttpClient> SignedInAsync(string user)
    {
        var client = s_host.CreateClient();
        await SignIn.AsAsync(client, user);
        return client;
    }

    [TestMethod]
    public async Task Start_ModuleLoadedAndItsTablesMigrated()
    {
        StringAssert.Contains(s_host.Output, "Module requests 0.1.0 started");
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(s_host.WorkDirectory, "data", "servicepro.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('ServiceRequests', 'RequestActivity') ORDER BY name";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        CollectionAssert.AreEqual(new[] { "RequestActivity", "ServiceRequests" }, tables);
    }

    [TestMethod]
    public async Task Workbench_Rep_SeesRequestsTileAndNavigation()
    {
        using var client = await SignedInAsync("alice");

        var html = await client.GetStringAsync("");

        StringAssert.Contains(html, "data-testid=\"tile-requests\"");
        StringAssert.Contains(html, "data-testid=\"nav-requests\"");
        StringAssert.Contains(html, "_modules/requests/requests.css");
    }

    [TestMethod]
    public async Task RequestsPage_Rep_ListWithFiltersAndNewButton()
    {
        using var client = await SignedInAsync("bob");

        var html = await client.GetStringAsync("requests");

        StringAssert.Contains(html, "data-testid=\"request-list\"");
        StringAssert.Contains(html, "data-testid=\"request-filter-text\"");
        StringAssert.Contains(html, "data-testid=\"request-new\"");
    }

    [TestMethod]
    public async Task RequestPage_UnknownNumber_ClearMessage()
    {
        using var client = await SignedInAsync("bob");

        var html = await client.GetStringAsync("requests/424242");

        StringAssert.Contains(html, "Request #424242 does not exist.");
    }

    [TestMethod]
    public async Task RequestPage_NotANumber_NotFound()
    {
        using var client = await SignedInAsync("bob");

        using var response = await client.GetAsync("requests/%3Cscript%3E");

        Assert.AreEqual(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html);
    }

    [TestMethod]
    public async Task RequestsPage_NotSignedIn_RedirectsToSignIn()
    {
        using var client = s_host.CreateClient();

        using var response = await client.GetAsync("requests");

        Assert.AreEqual(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    [TestMethod]
    public async Task StyleSheet_ServedWhileEnabled()
    {
        using var client = await SignedInAsync("bob");

        using var response = await client.GetAsync("_modules/requests/requests.css");

        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
