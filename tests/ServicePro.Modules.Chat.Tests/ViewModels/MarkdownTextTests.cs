using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ServicePro.Modules.Chat.ViewModels;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.ViewModels;

/// <summary>The Markdown export as a real renderer shows it: markdown-it (npm) with raw HTML allowed, run by Node.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed partial class MarkdownTextTests
{
    private static readonly string ScriptFolder = Path.Combine(TestPaths.RepositoryRoot, "tests", "ServicePro.Modules.Chat.Tests", "js");

    private static readonly string[] Typed =
    [
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "<script>alert('hi')</script> <a href=\"javascript:alert(2)\">click</a>",
        "*not bold* _not italic_ `not code` ~~not struck~~ $not math$ a\\b &amp; 1 < 2 > 0",
        "Принтер горит 🔥 打印机着火了 👩‍💻 ![x](https://evil.example/p.png)",
    ];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Escape_ExportRenderedByMarkdownIt_NoMarkupAndEveryTextShownAsTyped()
    {
        Assert.IsTrue(File.Exists(Path.Combine(ScriptFolder, "node_modules", "markdown-it", "package.json")), $"Run `npm ci` in {ScriptFolder} first (test.sh does).");
        var at = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var session = new ChatSessionSummaryDto(Guid.NewGuid(), 4711, "алёна", ["алёна", "<b>bob</b>"], at, at.AddMinutes(5), TimeSpan.FromMinutes(5),
            [.. Typed.Select(t => new TranscriptLine(at, "алёна", TranscriptLineKind.Message, t))]);

        var html = await RenderAsync(MessagesViewModel.ToMarkdown(session));

        Assert.DoesNotMatchRegex(Tag(), html, html);
        var shown = WebUtility.HtmlDecode(AnyTag().Replace(html, string.Empty));
        foreach (var text in Typed.Append("<b>bob</b>"))
        {
            StringAssert.Contains(shown, text, $"not shown as typed:\n{html}");
        }
    }

    private async Task<string> RenderAsync(string markdown)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ScriptFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("render-markdown.mjs");
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync(TestContext.CancellationToken);
        var errors = node.StandardError.ReadToEndAsync(TestContext.CancellationToken);
        await node.StandardInput.WriteAsync(markdown);
        node.StandardInput.Close();
        await node.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.CancellationToken);
        Assert.AreEqual(0, node.ExitCode, await errors);
        return await output;
    }

    /// <summary>
    /// Any element other than the list, its items, the heading, paragraphs, the author's bold, and the link a linkifying
    /// viewer makes of a typed https address (its text is the address as typed).
    /// </summary>
    [GeneratedRegex("""<(?!/?(?:ul|li|h1|p|strong|em|a)>|a href="https://)[a-zA-Z/!]""")]
    private static partial Regex Tag();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();
}
