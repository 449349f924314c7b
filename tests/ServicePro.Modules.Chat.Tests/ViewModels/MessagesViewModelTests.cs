using Moq;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Tests.ViewModels;

[TestClass]
public sealed class MessagesViewModelTests
{
    // The order is the server's (GetMySessions sorts by end time, guarded in ChatApplicationTests); what the view
    // model owns is which session stays selected when the list is loaded again.
    [TestMethod]
    public async Task Load_AgainWithANewerSessionOnTop_KeepsTheSessionTheRepSelected()
    {
        var chat = new Mock<IChatApi>();
        var older = Summary("alice", "Принтер горит");
        var newer = Summary("carol", "打印机着火了 🔥");
        var newest = Summary("dave", "VPN is down");
        chat.SetupSequence(c => c.GetMySessionsAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([newer, older])
            .ReturnsAsync([newest, newer, older with { Transcript = [.. older.Transcript] }]);
        var messages = new MessagesViewModel(chat.Object);
        await messages.LoadCommand.ExecuteAsync(null);
        Assert.AreEqual(newer, messages.Selected, "the first listed is selected at first");
        messages.Selected = messages.Sessions[1];

        await messages.LoadCommand.ExecuteAsync(null);

        Assert.HasCount(3, messages.Sessions);
        Assert.AreEqual(older.SessionId, messages.Selected?.SessionId, "the rep's choice survives the reload");
        Assert.AreSame(messages.Sessions[2], messages.Selected, "and shows the reloaded copy");
    }

    [TestMethod]
    public async Task Load_AgainWithoutTheSelectedSession_SelectsTheFirstListed()
    {
        var chat = new Mock<IChatApi>();
        var gone = Summary("alice", "soon gone");
        var kept = Summary("carol", "kept");
        chat.SetupSequence(c => c.GetMySessionsAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([kept, gone])
            .ReturnsAsync([kept]);
        var messages = new MessagesViewModel(chat.Object);
        await messages.LoadCommand.ExecuteAsync(null);
        messages.Selected = gone;

        await messages.LoadCommand.ExecuteAsync(null);

        Assert.AreEqual(kept, messages.Selected);
    }

    [TestMethod]
    public async Task Search_WordsInOneTranscript_OnlyThatSessionVisible()
    {
        var chat = new Mock<IChatApi>();
        var printer = Summary("alice", "The printer is on fire");
        var vpn = Summary("carol", "VPN is down");
        chat.Setup(c => c.GetMySessionsAsync(It.IsAny<CancellationToken>())).ReturnsAsync([printer, vpn]);
        var messages = new MessagesViewModel(chat.Object);
        await messages.LoadCommand.ExecuteAsync(null);

        messages.Search = "  PRINTER ";

        CollectionAssert.AreEqual(new[] { printer }, messages.Visible.ToArray());
        messages.Search = "carol";
        CollectionAssert.AreEqual(new[] { vpn }, messages.Visible.ToArray());
        messages.Search = string.Empty;
        Assert.HasCount(2, messages.Visible);
    }

    [TestMethod]
    public void ToMarkdown_Transcript_HeadingPeopleLengthAndEveryLine()
    {
        var session = Summary("alice", "Two lines\nin one message");

        var markdown = MessagesViewModel.ToMarkdown(session);

        StringAssert.Contains(markdown, "- Participants: alice, bob");
        StringAssert.Contains(markdown, "- Length: 00:02:05");
        StringAssert.Contains(markdown, "_bob joined_");
        StringAssert.Contains(markdown, "**alice**: Two lines in one message");
        StringAssert.StartsWith(MessagesViewModel.MarkdownDataUrl(session), "data:text/markdown;charset=utf-8;base64,");
    }

    [TestMethod]
    [DataRow("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;", DisplayName = "HTML")]
    [DataRow("[x](javascript:alert(1))", @"\[x\](javascript:alert(1))", DisplayName = "link")]
    [DataRow("![x](https://evil.example/p.png)", @"!\[x\](https://evil.example/p.png)", DisplayName = "image")]
    [DataRow("*bold* _it_ `code` ~~gone~~ $x$ a\\b &amp;", @"\*bold\* \_it\_ \`code\` \~\~gone\~\~ \$x\$ a\\b &amp;amp;", DisplayName = "emphasis, code, strikethrough, math, backslash, entity")]
    [DataRow("<script>alert(1)</script>\nnext", "&lt;script&gt;alert(1)&lt;/script&gt; next", DisplayName = "script over two lines")]
    public void ToMarkdown_MessageWithMarkup_WrittenSoThatViewersShowItAsTyped(string typed, string written)
    {
        var markdown = MessagesViewModel.ToMarkdown(Summary("alice", typed));

        StringAssert.Contains(markdown, "**alice**: " + written + Environment.NewLine);
        Assert.DoesNotContain("<", markdown);
    }

    [TestMethod]
    public void ToMarkdown_CyrillicCjkAndEmoji_KeptReadable()
    {
        var markdown = MessagesViewModel.ToMarkdown(Summary("алёна", "Принтер горит 🔥 打印机着火了 👩‍💻!"));

        StringAssert.Contains(markdown, "**алёна**: Принтер горит 🔥 打印机着火了 👩‍💻!");
        StringAssert.Contains(markdown, "- Participants: алёна, bob");
    }

    [TestMethod]
    public void ToMarkdown_NamesWithMarkup_Escaped()
    {
        var markdown = MessagesViewModel.ToMarkdown(Summary("<b>eve</b>", "hi"));

        StringAssert.Contains(markdown, "- Started by: &lt;b&gt;eve&lt;/b&gt;");
        StringAssert.Contains(markdown, "**&lt;b&gt;eve&lt;/b&gt;**: hi");
    }

    private static ChatSessionSummaryDto Summary(string author, string text)
    {
        var at = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        return new ChatSessionSummaryDto(Guid.NewGuid(), null, author, [author, "bob"], at, at.AddMinutes(3), new TimeSpan(0, 2, 5),
        [
            new TranscriptLine(at, "bob", TranscriptLineKind.Joined, string.Empty),
            new TranscriptLine(at, author, TranscriptLineKind.Message, text),
        ]);
    }
}
