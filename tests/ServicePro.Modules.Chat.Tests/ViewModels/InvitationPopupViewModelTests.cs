using Moq;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Tests.ViewModels;

[TestClass]
public sealed class InvitationPopupViewModelTests
{
    private readonly Mock<IChatApi> _chat = new();

    [TestMethod]
    public void InvitationReceived_ForARequest_PopUpNamesWhoInvitesAndTheRequest()
    {
        using var popup = new InvitationPopupViewModel(_chat.Object);

        _chat.Raise(c => c.InvitationReceived += null, _chat.Object, Invitation(42));

        Assert.IsTrue(popup.IsVisible);
        Assert.AreEqual("alice invites you to chat about request 42 (Printer on fire).", popup.Text);
    }

    [TestMethod]
    public void InvitationReceived_WithDisplayNames_PopUpNamesWhoInvitesByDisplayName()
    {
        using var popup = new InvitationPopupViewModel(_chat.Object, userName => userName == "alice" ? "Алиса 愛 🌸" : userName);

        _chat.Raise(c => c.InvitationReceived += null, _chat.Object, Invitation(null));

        Assert.AreEqual("Алиса 愛 🌸 invites you to chat.", popup.Text);
    }

    [TestMethod]
    public async Task Accept_Invitation_JoinsAndHides()
    {
        using var popup = new InvitationPopupViewModel(_chat.Object);
        var invitation = Invitation(null);
        var session = new ChatSessionDto(invitation.SessionId, null, null, "alice", ["alice", "bob"], DateTimeOffset.UtcNow, null, new ChatTimeDto(invitation.SessionId, TimeSpan.Zero, true, DateTimeOffset.UtcNow), 2);
        _chat.Setup(c => c.AcceptInvitationAsync(invitation.InvitationId, It.IsAny<CancellationToken>())).ReturnsAsync(session);
        ChatSessionDto? joined = null;
        popup.Joined += (_, s) => joined = s;
        _chat.Raise(c => c.InvitationReceived += null, _chat.Object, invitation);

        await popup.AcceptCommand.ExecuteAsync(null);

        Assert.AreEqual(session, joined);
        Assert.IsFalse(popup.IsVisible);
    }

    [TestMethod]
    public void InvitationClosed_Expired_PopUpDisappears()
    {
        using var popup = new InvitationPopupViewModel(_chat.Object);
        var invitation = Invitation(null);
        _chat.Raise(c => c.InvitationReceived += null, _chat.Object, invitation);

        _chat.Raise(c => c.InvitationClosed += null, _chat.Object, invitation with { Status = InvitationStatus.Expired });

        Assert.IsFalse(popup.IsVisible);
    }

    [TestMethod]
    public async Task Accept_AlreadyExpired_ShowsWhyAndHides()
    {
        using var popup = new InvitationPopupViewModel(_chat.Object);
        var invitation = Invitation(null);
        _chat.Setup(c => c.AcceptInvitationAsync(invitation.InvitationId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ChatException(ChatConstants.Errors.InvitationClosed, "This invitation is no longer open (Expired)."));
        _chat.Raise(c => c.InvitationReceived += null, _chat.Object, invitation);

        await popup.AcceptCommand.ExecuteAsync(null);

        Assert.AreEqual("This invitation is no longer open (Expired).", popup.Error);
        Assert.IsFalse(popup.IsVisible);
    }

    private static ChatInvitationDto Invitation(int? request) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "bob", "alice", request, request is null ? null : "Printer on fire", DateTimeOffset.UtcNow.AddMinutes(2), InvitationStatus.Pending);
}
