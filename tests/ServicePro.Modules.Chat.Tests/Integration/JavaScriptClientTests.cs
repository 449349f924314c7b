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
    public async Task DocumentedExample_RunAsWritten_SignsInStoresTheMessageAndShowsTheRefusalsCode()
    {
        Assert.IsTrue(Directory.Exists(Path.Combine(ScriptFolder, "node_modules")), $"Run `npm ci` in {ScriptFolder} first (test.sh does).");
        var recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        await using var host = await ChatHostFixture.StartAsync(recordFile, cancellationToken: TestContext.CancellationToken);
        await using var bob = await ChatHostFixture.ConnectAsync(host, "bob"); // the example invites bob, who must be online

        var (exitCode, output, errors) = await RunDocumentedExampleAsync("## Example: the official JavaScript client", host);

        Assert.AreEqual(0, exitCode, $"the documented example failed:\n{errors}\n{output}");
        StringAssert.Contains(output, "stored as #2");
        StringAssert.Contains(output, $"HubException: {ChatConstants.Errors.MessageEmpty}: A message cannot be empty.");
        var invitation = await bob.WaitForAsync<ChatInvitationDto>(i => i.InvitedBy == "alice");
        Assert.AreEqual(InvitationStatus.Cancelled, (await bob.WaitForAsync<ChatInvitationDto>(i => i.InvitationId == invitation.InvitationId && i.Status != InvitationStatus.Pending)).Status);
    }

    [TestMethod]
    public async Task DocumentedUploadExample_RunAsWritten_StoresTheFileAndDownloadsItWhole()
    {
        Assert.IsTrue(Directory.Exists(Path.Combine(ScriptFolder, "node_modules")), $"Run `npm ci` in {ScriptFolder} first (test.sh does).");
        var recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        await using var host = await ChatHostFixture.StartAsync(recordFile, cancellationToken: TestContext.CancellationToken);
        var (exitCode, output, errors) = await RunDocumentedExampleAsync("### Example: a file through the hub", host);

        Assert.AreEqual(0, exitCode, $"the documented upload example failed:\n{errors}\n{output}");
        var content = "Журнал принтера: 打印机 jammed 🖨️\n";
        StringAssert.Contains(output, $"stored as #2: принтер-打印机-🖨️.txt, {System.Text.Encoding.UTF8.GetByteCount(content)} bytes");
        StringAssert.Contains(output, $"downloaded (200): {content}");
    }

    /// <summary>Writes the <c>js</c> block under <paramref name="heading"/> beside node_modules (so that its import resolves as it would beside the reader's `npm install`) and runs it against <paramref name="host"/>.</summary>
    private async Task<(int ExitCode, string Output, string Errors)> RunDocumentedExampleAsync(string heading, HostProcess host)
    {
        var script = Path.Combine(ScriptFolder, $"doc-example-{Guid.NewGuid():N}.mjs");
        await File.WriteAllTextAsync(script, DocumentedExample(heading), TestContext.CancellationToken);
        try
        {
            return await RunNodeAsync([script], new Dictionary<string, string> { ["SERVICEPRO_URL"] = host.BaseAddress.ToString().TrimEnd('/') });
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>Node in the script folder, up to a minute; its exit code and what it wrote (UTF-8).</summary>
    private async Task<(int ExitCode, string Output, string Errors)> RunNodeAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ScriptFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync(TestContext.CancellationToken);
        var errors = node.StandardError.ReadToEndAsync(TestContext.CancellationToken);
        await node.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken);
        return (node.ExitCode, await output, await errors);
    }

    /// <summary>The first <c>js</c> block under <paramref name="heading"/> in docs/chat-hub-api.md, exactly.</summary>
    private static string DocumentedExample(string heading)
    {
        var document = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "chat-hub-api.md"));
        var section = document[document.IndexOf(heading, StringComparison.Ordinal)..];
        var start = section.IndexOf("```js\n", StringComparison.Ordinal) + "```js\n".Length;
        return section[start..section.IndexOf("\n```", start, StringComparison.Ordinal)] + "\n";
    }

    [TestMethod]
    public async Task Exchange_TwoRepsWithTheJavaScriptClient_MessageArrivesAndRefusalsCarryTheirCode()
    {
        Assert.IsTrue(Directory.Exists(Path.Combine(ScriptFolder, "node_modules")), $"Run `npm ci` in {ScriptFolder} first (test.sh does).");
        var recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        await using var host = await ChatHostFixture.StartAsync(recordFile, cancellationToken: TestContext.CancellationToken);
        var (exitCode, output, errors) = await RunNodeAsync(["exchange.js", host.BaseAddress.ToString(), SignIn.DemoPassword, "Hello from JavaScript"]);

        Assert.AreEqual(0, exitCode, $"node failed:\n{errors}\n{output}");
        using var result = JsonDocument.Parse(output);
        Assert.AreEqual("alice", result.RootElement.GetProperty("author").GetString());
        Assert.AreEqual("Hello from JavaScript", result.RootElement.GetProperty("text").GetString());
        Assert.AreEqual(result.RootElement.GetProperty("sentSequence").GetInt64(), result.RootElement.GetProperty("sequence").GetInt64());
        StringAssert.Contains(result.RootElement.GetProperty("refusal").GetString(), $"HubException: {ChatConstants.Errors.MessageEmpty}: ");
    }
}
