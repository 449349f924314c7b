using Bunit;
using Moq;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Components;
using static ServicePro.Modules.Chat.Tests.Components.ChatComponentContext;

namespace ServicePro.Modules.Chat.Tests.Components;

[TestClass]
public sealed class ChatWindowTests
{
    private ChatComponentContext _chat = null!;

    [TestInitialize]
    public void Create() => _chat = new ChatComponentContext();

    [TestCleanup]
    public async Task Dispose() => await _chat.DisposeAsync();

    [TestMethod]
    public async Task Render_EntriesOfEveryKind_EachMarkedAndOffTheRecordNamesItsTwoPeople()
    {
        _chat.Entries.Add(Entry(3, TranscriptLineKind.Message, "alice", "Hello"));
        _chat.Entries.Add(Entry(4, TranscriptLineKind.Message, "alice", "Just us", offTheRecordWith: "bob"));
        _chat.Entries.Add(Entry(5, TranscriptLineKind.System, string.Empty, "Chat Time was set."));

        var window = await OpenAsync();

        var entries = window.FindAll("[data-testid=chat-dialog-entry]");
        CollectionAssert.AreEqual(new[] { "joined", "joined", "message", "message", "system" }, entries.Select(e => e.GetAttribute("data-kind")).ToArray());
        CollectionAssert.AreEqual(new[] { "false", "false", "false", "true", "false" }, entries.Select(e => e.GetAttribute("data-otr")).ToArray());
        StringAssert.Contains(entries[3].TextContent, "Off the Record · alice → bob");
        Assert.AreEqual(window.Find("[data-testid=chat-window]").GetAttribute("data-session-id"), Session.ToString());
        Assert.AreEqual("Busy", window.Find("[data-testid=chat-connection-bob]").GetAttribute("data-status"));
        Assert.AreEqual("00:03:00", window.Find("[data-testid=chat-time]").TextContent);
    }

    [TestMethod]
    public async Task Render_Originator_CanPauseAndEditChatTime()
    {
        var window = await OpenAsync();

        Assert.HasCount(1, window.FindAll("[data-testid=chat-time-pause]"));
        Assert.HasCount(1, window.FindAll("[data-testid=chat-time-edit]"));
    }

    [TestMethod]
    public async Task EditChatTime_TheBrowserCannotMoveTheFocus_TheFormStillOpensAndCloses()
    {
        // The focus moves after the render; the control may have left the page by then (the chat ended meanwhile).
        _chat.Context.JSInterop.SetupVoid("Blazor._internal.domWrapper.focus", _ => true).SetException(new Microsoft.JSInterop.JSException("Unable to focus an invalid element."));
        var window = await OpenAsync();

        window.Find("[data-testid=chat-time-edit]").Click();
        var opened = window.FindAll("[data-testid=chat-time-input]").Count;
        window.Find("[data-testid=chat-time-edit]").Click();

        Assert.AreEqual(1, opened);
        Assert.IsEmpty(window.FindAll("[data-testid=chat-time-input]"));
    }

    [TestMethod]
    public async Task Render_NotOriginator_ChatTimeReadOnly()
    {
        await _chat.DisposeAsync();
        _chat = new ChatComponentContext("bob");

        var window = await OpenAsync();

        Assert.IsEmpty(window.FindAll("[data-testid=chat-time-pause]"));
        Assert.IsEmpty(window.FindAll("[data-testid=chat-time-resume]"));
        Assert.IsEmpty(window.FindAll("[data-testid=chat-time-edit]"));
        Assert.HasCount(1, window.FindAll("[data-testid=chat-time]"));
    }

    [TestMethod]
    public async Task Send_Refused_ErrorShownAndDraftKept()
    {
        _chat.Chat.Setup(c => c.SendMessageAsync(Session, "too much", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ChatException(ChatConstants.Errors.MessageTooLong, "The message is too long."));
        var window = await OpenAsync();

        Type(window.Find("[data-testid=chat-input]"), "too much");
        await window.Find("form.chat-entry-form").SubmitAsync();

        window.WaitForAssertion(() => Assert.AreEqual("The message is too long.", window.Find("[data-testid=chat-error]").TextContent));
        Assert.AreEqual("too much", window.Find("[data-testid=chat-input]").GetAttribute("value"));
    }

    [TestMethod]
    public async Task Send_OffTheRecordWithoutRecipient_AsksForOneAndSendsNothing()
    {
        var window = await OpenAsync();

        Type(window.Find("[data-testid=chat-input]"), "psst");
        window.Find("[data-testid=chat-otr]").Change(true);
        // The FluentSelect lists the other attendee only (its "With whom?" is a placeholder, not a value).
        var recipient = window.Find("[data-testid=chat-otr-recipient]");
        CollectionAssert.AreEqual(new[] { "bob" }, recipient.QuerySelectorAll("fluent-option").Select(o => o.GetAttribute("value") ?? string.Empty).Where(v => v.Length > 0).ToArray(), recipient.OuterHtml);
        Assert.AreEqual("Off the Record with", recipient.GetAttribute("aria-label"));
        await window.Find("form.chat-entry-form").SubmitAsync();

        StringAssert.Contains(window.Find("[data-testid=chat-error]").TextContent, "pick the attendee");
        _chat.Chat.Verify(c => c.SendMessageAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestMethod]
    public async Task SessionEnded_ShowsLengthAndBecomesReadOnlyUntilClosed()
    {
        var window = await OpenAsync();

        await window.InvokeAsync(() => _chat.Chat.Raise(c => c.SessionEnded += null, _chat.Chat.Object, new SessionEndedDto(Session, Now, TimeSpan.FromMinutes(42), "The originator left.")));

        window.WaitForAssertion(() => StringAssert.Contains(window.Find("[data-testid=chat-ended]").TextContent, "Length: 00:42:00"));
        Assert.IsEmpty(window.FindAll("[data-testid=chat-input]"));
        Assert.IsEmpty(window.FindAll("[data-testid=chat-invite]"));
        Assert.IsEmpty(window.FindAll("[data-testid=chat-leave]"));
        Assert.HasCount(1, window.FindAll("[data-testid=chat-close]"));
    }

    [TestMethod]
    public async Task Collapsed_MessageFromOtherArrives_UnreadCountShown()
    {
        var window = await OpenAsync();
        window.Find("[data-testid=chat-collapse]").Click();

        await window.InvokeAsync(() => _chat.Chat.Raise(c => c.EntryReceived += null, _chat.Chat.Object, Entry(3, TranscriptLineKind.Message, "bob", "Are you there?")));

        window.WaitForAssertion(() => Assert.AreEqual("1", window.Find("[data-testid=chat-unread]").TextContent));
        Assert.IsEmpty(window.FindAll("[data-testid=chat-dialog]"));
    }

    private async Task<IRenderedComponent<ChatWindow>> OpenAsync()
    {
        await _chat.StartShellAsync();
        await _chat.Shell.StartSessionAsync(7);
        _chat.Shell.CloseInvite();
        var state = _chat.Shell.Windows.Single();
        return _chat.Context.Render<ChatWindow>(p => p.Add(c => c.Window, state));
    }

    /// <summary>Text typed into the FluentTextArea: its Immediate binding reports it as the "textimmediate" event.</summary>
    private static void Type(AngleSharp.Dom.IElement input, string text) =>
        input.TriggerEvent("ontextimmediate", new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = text });
}
