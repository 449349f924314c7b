using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Moq;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Components;
using static ServicePro.Modules.Chat.Tests.Components.ChatComponentContext;

namespace ServicePro.Modules.Chat.Tests.Components;

/// <summary>The chat window's attachments: links and thumbnails in the dialog, the file input and its refusals.</summary>
[TestClass]
public sealed class ChatAttachmentsTests
{
    private ChatComponentContext _chat = null!;

    [TestInitialize]
    public void Create() => _chat = new ChatComponentContext();

    [TestCleanup]
    public async Task Dispose() => await _chat.DisposeAsync();

    [TestMethod]
    public async Task Render_ImageSvgAndText_EachALinkOnlyTheRasterImageWithAThumbnail()
    {
        var png = new ChatAttachmentDto(Guid.NewGuid(), "Скриншот 截图 🎉.png", "image/png", 2048);
        var svg = new ChatAttachmentDto(Guid.NewGuid(), "logo.svg", "image/svg+xml", 300);
        var txt = new ChatAttachmentDto(Guid.NewGuid(), "報告 отчёт 📄.txt", "text/plain", 17);
        _chat.Entries.Add(Entry(3, TranscriptLineKind.Message, "alice", png.FileName) with { Attachments = [png] });
        _chat.Entries.Add(Entry(4, TranscriptLineKind.Message, "bob", svg.FileName) with { Attachments = [svg] });
        _chat.Entries.Add(Entry(5, TranscriptLineKind.Message, "bob", txt.FileName) with { Attachments = [txt] });

        var window = await OpenAsync();

        var links = window.FindAll("[data-testid=chat-attachment]");
        CollectionAssert.AreEqual(new[] { png.FileName, svg.FileName, txt.FileName }, links.Select(l => l.GetAttribute("data-name")).ToArray());
        Assert.AreEqual($"/chat/attachments/{txt.Id}", links[2].GetAttribute("href"));
        var thumb = window.Find("[data-testid=chat-attachment-thumb]");
        Assert.AreEqual($"/chat/attachments/{png.Id}?inline=true", thumb.GetAttribute("src"));
        Assert.HasCount(1, window.FindAll("[data-testid=chat-attachment-thumb]"), "SVG is never shown inline");
    }

    [TestMethod]
    public async Task PickFile_Stored_EntryShownWithItsLink()
    {
        var stored = Entry(3, TranscriptLineKind.Message, "alice", "отчёт.pdf") with { Attachments = [new ChatAttachmentDto(Guid.NewGuid(), "отчёт.pdf", "application/pdf", 5)] };
        _chat.Attachments.Setup(a => a.UploadAsync(Session, "отчёт.pdf", 5, It.IsAny<Stream>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(stored);
        var window = await OpenAsync();

        window.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("hello", "отчёт.pdf"));

        window.WaitForAssertion(() => Assert.AreEqual("отчёт.pdf", window.Find("[data-testid=chat-attachment]").GetAttribute("data-name")));
        Assert.IsEmpty(window.FindAll("[data-testid=chat-error]"));
    }

    [TestMethod]
    public async Task PickFile_Refused_TheServersSentenceShown()
    {
        _chat.Attachments.Setup(a => a.UploadAsync(Session, "пусто.txt", It.IsAny<long>(), It.IsAny<Stream>(), null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ChatException(ChatConstants.Errors.AttachmentEmpty, "“пусто.txt” is empty: there is nothing to send."));
        var window = await OpenAsync();

        window.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(string.Empty, "пусто.txt"));

        window.WaitForAssertion(() => Assert.AreEqual("“пусто.txt” is empty: there is nothing to send.", window.Find("[data-testid=chat-error]").TextContent));
        Assert.IsEmpty(window.FindAll("[data-testid=chat-attachment]"));
    }

    private async Task<IRenderedComponent<ChatWindow>> OpenAsync()
    {
        await _chat.StartShellAsync();
        await _chat.Shell.StartSessionAsync(7);
        _chat.Shell.CloseInvite();
        var state = _chat.Shell.Windows.Single();
        return _chat.Context.Render<ChatWindow>(p => p.Add(c => c.Window, state));
    }
}
