using Bunit;
using Moq;
using ServicePro.Modules.Chat.Components;
using ServicePro.Modules.Chat.Shell;
using static ServicePro.Modules.Chat.Tests.Components.ChatComponentContext;

namespace ServicePro.Modules.Chat.Tests.Components;

[TestClass]
public sealed class ChatPopupsTests
{
    private static readonly ChatInvitationDto Invitation = new(Guid.NewGuid(), Session, "alice", "bob", 7, "Printer", Now.AddMinutes(2), InvitationStatus.Pending);

    private ChatComponentContext _chat = null!;

    [TestInitialize]
    public void Create() => _chat = new ChatComponentContext();

    [TestCleanup]
    public async Task Dispose() => await _chat.DisposeAsync();

    [TestMethod]
    public void Tile_StartChat_OpensTheWindowAndTheInviteWindow()
    {
        var popups = _chat.Context.Render<ChatPopups>();
        var tile = _chat.Context.Render<ChatTile>();
        tile.WaitForAssertion(() => Assert.IsFalse(tile.Find("[data-testid=chat-start]").HasAttribute("disabled")));

        tile.Find("[data-testid=chat-start]").Click();

        popups.WaitForAssertion(() => Assert.HasCount(1, popups.FindAll("[data-testid=chat-window]")));
        Assert.HasCount(1, popups.FindAll("[data-testid=invite-dialog]"));
        _chat.Chat.Verify(c => c.StartSessionAsync(null, It.IsAny<CancellationToken>()));
        tile.WaitForAssertion(() => Assert.AreEqual("1 live chat", tile.Find("[data-testid=chat-live-count]").TextContent));
    }

    [TestMethod]
    public void Tile_OnlineRepsAndAvailability_ListedAndChangeable()
    {
        var tile = _chat.Context.Render<ChatTile>();
        tile.WaitForAssertion(() => Assert.AreEqual("Busy", tile.Find("[data-testid=chat-online-bob]").GetAttribute("data-status")));
        Assert.IsEmpty(tile.FindAll("[data-testid=chat-online-alice]"), "not the rep themself");

        // FluentSelect's dropdown reports the chosen option element's id, as the browser's change event does.
        var away = tile.FindAll("[data-testid=availability-select] fluent-option").Single(o => o.TextContent.Trim() == "Away");
        tile.Find("[data-testid=availability-select]").TriggerEvent("ondropdownchange", new Microsoft.FluentUI.AspNetCore.Components.DropdownEventArgs { SelectedOptions = away.Id });

        _chat.Chat.Verify(c => c.SetPresenceAsync(PresenceStatus.Away, It.IsAny<CancellationToken>()));
    }

    [TestMethod]
    public void Tile_ThousandsOnline_ShowsTheCountAndABoundedList()
    {
        _chat.Chat.Setup(c => c.GetPresenceAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
            [.. Enumerable.Range(1, 5000).Select(i => new PresenceDto($"rep{i:0000}", PresenceStatus.Available)), new PresenceDto("alice", PresenceStatus.Available)]);

        var tile = _chat.Context.Render<ChatTile>();

        tile.WaitForAssertion(() => Assert.HasCount(ChatShell.OnlineListLimit, tile.FindAll("[data-testid^=chat-online-rep]")));
        Assert.AreEqual("Available", tile.Find("[data-testid=chat-online-rep0001]").GetAttribute("data-status"));
        StringAssert.Contains(tile.Markup, "Online (5000)");
        StringAssert.Contains(tile.Markup, $"and {5000 - ChatShell.OnlineListLimit} more online");
    }

    [TestMethod]
    public void Invitation_Received_PopUpNamesInviterAndRequest_GoesWhenItCloses()
    {
        var popups = _chat.Context.Render<ChatPopups>();
        popups.WaitForAssertion(() => Assert.IsTrue(_chat.Shell.IsStarted));

        popups.InvokeAsync(() => _chat.Chat.Raise(c => c.InvitationReceived += null, _chat.Chat.Object, Invitation));

        popups.WaitForAssertion(() => Assert.AreEqual("bob invites you to chat about request 7 (Printer).", popups.Find("[data-testid=invitation-text]").TextContent));
        popups.InvokeAsync(() => _chat.Chat.Raise(c => c.InvitationClosed += null, _chat.Chat.Object, Invitation with { Status = InvitationStatus.Expired }));
        popups.WaitForAssertion(() => Assert.IsEmpty(popups.FindAll("[data-testid=invitation-popup]")));
    }

    [TestMethod]
    public void Invitation_Accept_JoinsAndOpensTheWindow()
    {
        _chat.Chat.Setup(c => c.AcceptInvitationAsync(Invitation.InvitationId, It.IsAny<CancellationToken>())).ReturnsAsync(() => _chat.SessionDto);
        var popups = _chat.Context.Render<ChatPopups>();
        popups.WaitForAssertion(() => Assert.IsTrue(_chat.Shell.IsStarted));
        popups.InvokeAsync(() => _chat.Chat.Raise(c => c.InvitationReceived += null, _chat.Chat.Object, Invitation));

        popups.WaitForElement("[data-testid=invitation-accept]").Click();

        popups.WaitForAssertion(() => Assert.HasCount(1, popups.FindAll("[data-testid=chat-window]")));
        Assert.IsEmpty(popups.FindAll("[data-testid=invitation-popup]"));
        Assert.IsEmpty(popups.FindAll("[data-testid=invite-dialog]"), "an invitee does not get the invite window");
    }
}
