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

        // Beside node_modules, so that its import resolves as it would beside the reader's `npm install`.
        var script = Path.Combine(ScriptFolder, $"doc-example-{Guid.NewGuid():N}.mjs");
        await File.WriteAllTextAsync(script, DocumentedExample("## Example: the official JavaScript client"), TestContext.CancellationToken);
        try
        {
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = ScriptFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(script);
            start.Environment["SERVICEPRO_URL"] = host.BaseAddress.ToString().TrimEnd('/');

            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync(TestContext.CancellationToken);
            var errors = node.StandardError.ReadToEndAsync(TestContext.CancellationToken);
            await node.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken);

            Assert.AreEqual(0, node.ExitCode, $"the documented example failed:\n{await errors}\n{await output}");
            StringAssert.Contains(await output, "stored as #2");
            StringAssert.Contains(await output, $"HubException: {ChatConstants.Errors.MessageEmpty}: A message cannot be empty.");
            var invitation = await bob.WaitForAsync<ChatInvitationDto>(i => i.InvitedBy == "alice");
            Assert.AreEqual(InvitationStatus.Cancelled, (await bob.WaitForAsync<ChatInvitationDto>(i => i.InvitationId == invitation.InvitationId && i.Status != InvitationStatus.Pending)).Status);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [TestMethod]
    public async Task DocumentedUploadExample_RunAsWritten_StoresTheFileAndDownloadsItWhole()
    {
        Assert.IsTrue(Directory.Exists(Path.Combine(ScriptFolder, "node_modules")), $"Run `npm ci` in {ScriptFolder} first (test.sh does).");
        var recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        await using var host = await ChatHostFixture.StartAsync(recordFile, cancellationToken: TestContext.CancellationToken);
        var script = Path.Combine(ScriptFolder, $"doc-upload-{Guid.NewGuid():N}.mjs");
        await File.WriteAllTextAsync(script, DocumentedExample("### Example: a file through the hub"), TestContext.CancellationToken);
        try
        {
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = ScriptFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(script);
            start.Environment["SERVICEPRO_URL"] = host.BaseAddress.ToString().TrimEnd('/');

            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync(TestContext.CancellationToken);
            var errors = node.StandardError.ReadToEndAsync(TestContext.CancellationToken);
            await node.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken);

            Assert.AreEqual(0, node.ExitCode, $"the documented upload example failed:\n{await errors}\n{await output}");
            var content = "Журнал принтера: 打印机 jammed 🖨️\n";
            StringAssert.Contains(await output, $"stored as #2: принтер-打印机-🖨️.txt, {System.Text.Encoding.UTF8.GetByteCount(content)} bytes");
            StringAssert.Contains(await output, $"downloaded (200): {content}");
        }
        finally
        {
            File.Delete(script);
        }
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
