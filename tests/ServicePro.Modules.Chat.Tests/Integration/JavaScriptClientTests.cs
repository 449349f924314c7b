using System.Diagnostics;
using System.Text.Json;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Integration;

/// <summary>The official JavaScript SignalR client (npm @microsoft/signalr, on the machine's Node.js) signs in as documented and chats.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class JavaScriptClientTests
{
    private static readonly string ScriptFolder = Path.Combine(TestPaths.RepositoryRoot, "tests", "ServicePro.Modules.Chat.Tests", "js");

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Exchange_TwoRepsWithTheJavaScriptClient_MessageArrivesAndRefusalsCarryTheirCode()
    {
        Assert.IsTrue(Directory.Exists(Path.Combine(ScriptFolder, "node_modules")), $"Run `npm ci` in {ScriptFolder} first (test.sh does).");
        var recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        await using var host = await ChatHostFixture.StartAsync(recordFile, cancellationToken: TestContext.CancellationToken);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ScriptFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exchange.js");
        start.ArgumentList.Add(host.BaseAddress.ToString());
        start.ArgumentList.Add(SignIn.DemoPassword);
        start.ArgumentList.Add("Hello from JavaScript");

        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync(TestContext.CancellationToken);
        var errors = node.StandardError.ReadToEndAsync(TestContext.CancellationToken);
        await node.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken);

        Assert.AreEqual(0, node.ExitCode, $"node failed:\n{await errors}\n{await output}");
        using var result = JsonDocument.Parse(await output);
        Assert.AreEqual("alice", result.RootElement.GetProperty("author").GetString());
        Assert.AreEqual("Hello from JavaScript", result.RootElement.GetProperty("text").GetString());
        Assert.AreEqual(result.RootElement.GetProperty("sentSequence").GetInt64(), result.RootElement.GetProperty("sequence").GetInt64());
        StringAssert.Contains(result.RootElement.GetProperty("refusal").GetString(), $"HubException: {ChatConstants.Errors.MessageEmpty}: ");
    }
}
