using Moq;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Tests.ViewModels;

[TestClass]
public sealed class InviteWindowViewModelTests
{
    [TestMethod]
    public async Task Load_Reps_ListsOthersWithAvailabilityAndOfflineCannotBePicked()
    {
        var (invite, _) = await OpenAsync();

        CollectionAssert.AreEqual(new[] { "bob", "carol" }, invite.Candidates.Select(c => c.UserName).ToArray());
        Assert.IsTrue(invite.Candidates[0].CanInvite);
        Assert.IsFalse(invite.Candidates[1].CanInvite, "carol is Offline");
        Assert.IsFalse(invite.InviteCommand.CanExecute(null), "nobody picked yet");
    }

    [TestMethod]
    public async Task Invite_PickedReps_InvitesOnlyThoseWhoCanBeInvited()
    {
        var (invite, chat) = await OpenAsync();
        IReadOnlyList<ChatInvitationDto>? sent = null;
        invite.Invited += (_, i) => sent = i;
        chat.Setup(c => c.InviteAsync(invite.SessionId, It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        invite.Candidates[0].IsSelected = true;
        invite.Candidates[1].IsSelected = true;

        await invite.InviteCommand.ExecuteAsync(null);

        chat.Verify(c => c.InviteAsync(invite.SessionId, It.Is<IReadOnlyCollection<string>>(n => n.SequenceEqual(new[] { "bob" })), It.IsAny<CancellationToken>()));
        Assert.IsNotNull(sent);
    }

    private static async Task<(InviteWindowViewModel Invite, Mock<IChatApi> Chat)> OpenAsync()
    {
        var chat = new Mock<IChatApi>();
        chat.Setup(c => c.GetPresenceAsync(It.IsAny<CancellationToken>())).ReturnsAsync([new PresenceDto("alice", PresenceStatus.Available), new PresenceDto("bob", PresenceStatus.Busy)]);
        var users = new Mock<IUserDirectory>();
        users.Setup(u => u.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([new UserSummary("carol", ["Rep"]), new UserSummary("alice", ["Rep"]), new UserSummary("bob", ["Rep"])]);
        var invite = new InviteWindowViewModel(chat.Object, users.Object);
        await invite.LoadAsync(Guid.NewGuid(), ["alice"]);
        return (invite, chat);
    }
}
