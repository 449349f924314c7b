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

    [TestMethod]
    public async Task Search_ThousandsOfReps_ShowsABoundedListAndFindsAnyRepByPartOfHerName()
    {
        // 5,000 reps, every other one online, plus three whose names are typed in Cyrillic, Chinese and with an emoji.
        var names = Enumerable.Range(1, 5000).Select(i => $"rep{i:0000}").Concat(["Светлана", "王芳", "rosa🌹"]).ToList();
        var chat = new Mock<IChatApi>();
        chat.Setup(c => c.GetPresenceAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
            [.. names.Where((_, i) => i % 2 == 1 || i >= 5000).Select(n => new PresenceDto(n, PresenceStatus.Available))]);
        var users = new Mock<IUserDirectory>();
        users.Setup(u => u.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([.. names.Select(n => new UserSummary(n, ["Rep"]))]);
        var invite = new InviteWindowViewModel(chat.Object, users.Object);
        await invite.LoadAsync(Guid.NewGuid(), []);

        var first = invite.Shown;
        invite.Search = "светл";
        var cyrillic = invite.Shown.Select(c => c.UserName).ToList();
        invite.Search = "王";
        var chinese = invite.Shown.Select(c => c.UserName).ToList();
        invite.Search = "REP49";
        var many = invite.Shown;

        Assert.HasCount(InviteWindowViewModel.ShownLimit, first, "a bounded list, not 5,003 rows");
        Assert.IsTrue(first.All(c => c.CanInvite), "reps who can be invited come first");
        Assert.AreEqual(5003 - InviteWindowViewModel.ShownLimit, invite.Candidates.Count - first.Count);
        CollectionAssert.AreEqual(new[] { "Светлана" }, cyrillic);
        CollectionAssert.AreEqual(new[] { "王芳" }, chinese);
        Assert.HasCount(InviteWindowViewModel.ShownLimit, many);
        Assert.IsTrue(many.All(c => c.UserName.StartsWith("rep49", StringComparison.Ordinal)));
        Assert.AreEqual(100 - InviteWindowViewModel.ShownLimit, invite.NotShown, "rep4900…rep4999 match; the rest are counted");
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
