using Bunit;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Chat.Components;
using static ServicePro.Modules.Chat.Tests.Components.ChatComponentContext;

namespace ServicePro.Modules.Chat.Tests.Components;

/// <summary>The chat window's @ mentions: the suggestion list, the highlight of an entry that mentions the viewer, the collapsed notice.</summary>
[TestClass]
public sealed class ChatMentionComponentTests
{
    private ChatComponentContext _chat = null!;

    [TestInitialize]
    public void Create()
    {
        _chat = new ChatComponentContext(displayNames: new Names());
        _chat.SessionDto = _chat.SessionDto with { Attendees = ["alice", "bob", "carol"] };
    }

    [TestCleanup]
    public async Task Dispose() => await _chat.DisposeAsync();

    [TestMethod]
    public async Task TypeAt_SuggestsTheOtherAttendeesByDisplayName_ArrowDownEnterInsertsTheUserName()
    {
        var window = await OpenAsync();
        var input = window.Find("[data-testid=chat-input]");

        Type(input, "Привет 👋 @");

        var options = window.FindAll("[data-testid=chat-mention-suggestions] [role=option]");
        CollectionAssert.AreEqual(new[] { "chat-mention-option-bob", "chat-mention-option-carol" }, options.Select(o => o.GetAttribute("data-testid")).ToArray());
        StringAssert.Contains(options[1].TextContent, "Кэрол 王");
        Assert.AreEqual("true", options[0].GetAttribute("aria-selected"));
        // chat-entry.js ties the fluent-textarea's inner textarea to these (aria-activedescendant, aria-controls).
        Assert.AreEqual(options[0].Id, window.Find("[data-testid=chat-input]").GetAttribute("data-mention-active"));
        Assert.AreEqual(window.Find("[data-testid=chat-mention-suggestions]").Id, window.Find("[data-testid=chat-input]").GetAttribute("data-mention-list"));

        window.Find("[data-testid=chat-input]").KeyDown("ArrowDown");
        Assert.AreEqual("true", window.Find("[data-testid=chat-mention-option-carol]").GetAttribute("aria-selected"));
        window.Find("[data-testid=chat-input]").KeyDown("Enter");

        Assert.AreEqual("Привет 👋 @carol ", window.Find("[data-testid=chat-input]").GetAttribute("value"));
        Assert.IsEmpty(window.FindAll("[data-testid=chat-mention-suggestions]"));
        Assert.IsNull(window.Find("[data-testid=chat-input]").GetAttribute("data-suggestions-open"));
    }

    [TestMethod]
    public async Task TypeAtAndCyrillic_FiltersByDisplayName_ClickInserts()
    {
        var window = await OpenAsync();

        Type(window.Find("[data-testid=chat-input]"), "@кэ");
        Assert.HasCount(1, window.FindAll("[data-testid=chat-mention-suggestions] [role=option]"));
        window.Find("[data-testid=chat-mention-option-carol]").Click();

        Assert.AreEqual("@carol ", window.Find("[data-testid=chat-input]").GetAttribute("value"));
    }

    [TestMethod]
    public async Task Escape_ClosesTheList()
    {
        var window = await OpenAsync();
        Type(window.Find("[data-testid=chat-input]"), "@b");
        Assert.AreEqual("true", window.Find("[data-testid=chat-input]").GetAttribute("data-suggestions-open"));

        window.Find("[data-testid=chat-input]").KeyDown("Escape");

        Assert.IsEmpty(window.FindAll("[data-testid=chat-mention-suggestions]"));
        Assert.AreEqual("@b", window.Find("[data-testid=chat-input]").GetAttribute("value"));
    }

    [TestMethod]
    public async Task Render_EntryMentioningTheViewer_MarkedAndHighlighted_OthersNot()
    {
        _chat.Entries.Add(Entry(3, TranscriptLineKind.Message, "bob", "@Alice 你好, смотри 🖨️"));
        _chat.Entries.Add(Entry(4, TranscriptLineKind.Message, "bob", "@carol and @alicia"));
        _chat.Entries.Add(Entry(5, TranscriptLineKind.Message, "alice", "@alice note to self"));

        var window = await OpenAsync();

        var entries = window.FindAll("[data-testid=chat-dialog-entry][data-kind=message]");
        CollectionAssert.AreEqual(new[] { "true", null, null }, entries.Select(e => e.GetAttribute("data-mentions-me")).ToArray());
        Assert.IsTrue(entries[0].ClassList.Contains("mentions-me"));
        Assert.IsFalse(entries[1].ClassList.Contains("mentions-me"));
    }

    [TestMethod]
    public async Task Collapsed_MentionArrives_MentionNoticeBesideTheUnreadCount()
    {
        var window = await OpenAsync();
        window.Find("[data-testid=chat-collapse]").Click();

        await window.InvokeAsync(() => _chat.Chat.Raise(c => c.EntryReceived += null, _chat.Chat.Object, Entry(3, TranscriptLineKind.Message, "bob", "Just chatting")));
        window.WaitForAssertion(() => Assert.AreEqual("1", window.Find("[data-testid=chat-unread]").TextContent));
        Assert.IsEmpty(window.FindAll("[data-testid=chat-mention-notice]"));

        await window.InvokeAsync(() => _chat.Chat.Raise(c => c.EntryReceived += null, _chat.Chat.Object, Entry(4, TranscriptLineKind.Message, "bob", "@alice срочно 🔥")));

        window.WaitForAssertion(() => Assert.AreEqual("@ 1", window.Find("[data-testid=chat-mention-notice]").TextContent));
        Assert.AreEqual("You were mentioned", window.Find("[data-testid=chat-mention-notice]").GetAttribute("aria-label"));
        Assert.AreEqual("2", window.Find("[data-testid=chat-unread]").TextContent);

        window.Find("[data-testid=chat-collapse]").Click();
        Assert.IsEmpty(window.FindAll("[data-testid=chat-mention-notice]"));
    }

    private async Task<IRenderedComponent<ChatWindow>> OpenAsync()
    {
        await _chat.StartShellAsync();
        await _chat.Shell.StartSessionAsync(7);
        _chat.Shell.CloseInvite();
        return _chat.Context.Render<ChatWindow>(p => p.Add(c => c.Window, _chat.Shell.Windows.Single()));
    }

    private sealed class Names : IUserDisplayNames
    {
        public string Of(string userName) => userName switch
        {
            "bob" => "Bob Stone",
            "carol" => "Кэрол 王",
            _ => userName,
        };
    }

    /// <summary>Text typed into the FluentTextArea: its Immediate binding reports it as the "textimmediate" event.</summary>
    private static void Type(AngleSharp.Dom.IElement input, string text) =>
        input.TriggerEvent("ontextimmediate", new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = text });
}
