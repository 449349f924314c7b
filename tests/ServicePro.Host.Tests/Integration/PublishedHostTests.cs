using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ServicePro.Host.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>
/// <c>dotnet publish Host/ServicePro.Host -c Release -o dir</c> gives a folder that runs in Production with every module
/// of its modules.config. One publish for the class: it compiles everything in Release.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class PublishedHostTests
{
    private static string s_publishDirectory = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task Publish(TestContext context)
    {
        s_publishDirectory = Directory.CreateTempSubdirectory("servicepro-publish-").FullName;
        await HostPublisher.PublishAsync(s_publishDirectory, context.CancellationToken);
    }

    [ClassCleanup]
    public static void DeletePublishFolder() => Directory.Delete(s_publishDirectory, recursive: true);

    [TestMethod]
    public void Publish_Release_FolderHoldsModulesConfigAndEveryModule()
    {
        var modules = ShippedModules();

        Assert.IsTrue(File.Exists(Path.Combine(s_publishDirectory, "ServicePro.Host.dll")));
        Assert.AreEqual(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "modules.config")), File.ReadAllText(Path.Combine(s_publishDirectory, "modules.config")), "the repository's modules.config, beside the host");
        Assert.IsNotEmpty(modules);
        foreach (var (id, assembly) in modules)
        {
            Assert.IsTrue(File.Exists(Path.Combine(s_publishDirectory, "modules", assembly, assembly + ".dll")), $"module {id}: modules/{assembly}/{assembly}.dll");
        }

        Assert.IsTrue(File.Exists(Path.Combine(s_publishDirectory, "modules", "ServicePro.Modules.Chat", "wwwroot", "chat.css")), "a module's wwwroot is published with it");
        Assert.IsFalse(File.Exists(Path.Combine(s_publishDirectory, "modules", "ServicePro.Modules.Chat", "ServicePro.Contracts.dll")), "Contracts comes from the host only");
    }

    [TestMethod]
    public void Publish_Release_ThreadPoolWorkersDoNotSpinForWork()
    {
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_publishDirectory, "ServicePro.Host.runtimeconfig.json")));
        var properties = runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.IsTrue(properties.TryGetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", out var spinLimit), "the published host sets the thread pool's spin limit");
        Assert.AreEqual(0, spinLimit.GetInt32(), "idle workers block instead of spinning (docs/chat-throughput.md)");
    }

    [TestMethod]
    public async Task PublishedHost_Production_StartsEveryModuleAndServesIt()
    {
        await using var host = await HostProcess.StartAsync(
            new HostStartOptions { Environment = "Production", HostDirectory = s_publishDirectory, ShippedModules = true },
            cancellationToken: TestContext.CancellationToken);
        await host.WaitForOutputAsync("Hosting environment: Production", TimeSpan.FromSeconds(30)); // logged after "Now listening"
        using var client = host.CreateClient();
        await SignIn.AsAsync(client, "admin", TestContext.CancellationToken);

        var admin = WebUtility.HtmlDecode(await client.GetStringAsync("admin/modules", TestContext.CancellationToken));
        var workbench = await client.GetStringAsync("", TestContext.CancellationToken);

        foreach (var (id, _) in ShippedModules())
        {
            StringAssert.Matches(host.Output, new Regex($@"Module {Regex.Escape(id)} \S+ started"), $"module {id} started");
            HtmlAssert.ModuleState(admin, id, "Enabled");
        }

        StringAssert.Contains(workbench, "data-testid=\"tile-requests\"");
        StringAssert.Contains(workbench, "data-testid=\"tile-chat\"");
        var requests = await client.GetStringAsync("requests", TestContext.CancellationToken);
        StringAssert.Contains(requests, "data-testid=\"request-list\"");
        using var chatStyles = await client.GetAsync("_modules/chat/chat.css", TestContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, chatStyles.StatusCode, "a module's static files are served from the published folder");
        using var shellScript = await client.GetAsync("_framework/blazor.web.js", TestContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, shellScript.StatusCode, "the shell's own static files are published");
    }

    private static List<(string Id, string Assembly)> ShippedModules() =>
        [.. XDocument.Load(Path.Combine(s_publishDirectory, "modules.config")).Root!.Elements("module")
            .Where(m => (string?)m.Attribute("enabled") != "false")
            .Select(m => ((string)m.Attribute("id")!, (string)m.Attribute("assembly")!))];
}
