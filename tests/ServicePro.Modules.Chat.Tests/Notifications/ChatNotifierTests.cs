using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ServicePro.Modules.Chat.Hubs;
using ServicePro.Modules.Chat.Notifications;

namespace ServicePro.Modules.Chat.Tests.Notifications;

[TestClass]
public sealed class ChatNotifierTests
{
    private readonly ChatSubscribers _subscribers = new();
    private readonly Mock<IHubClients<IChatClient>> _clients = new();
    private readonly Mock<IChatClient> _hubGroups = new();
    private readonly ChatNotifier _notifier;

    public ChatNotifierTests()
    {
        _clients.Setup(c => c.Groups(It.IsAny<IReadOnlyList<string>>())).Returns(_hubGroups.Object);
        _clients.SetupGet(c => c.All).Returns(_hubGroups.Object);
        var hub = new Mock<IHubContext<ChatHub, IChatClient>>();
        hub.SetupGet(h => h.Clients).Returns(_clients.Object);
        _notifier = new ChatNotifier(hub.Object, _subscribers, NullLogger<ChatNotifier>.Instance);
    }

    [TestMethod]
    public async Task ToUsers_TwoRepsWithShellsAndHubConnections_EachOfTheirShellsAndGroupsGetsItAndNoOneElse()
    {
        var aliceTab1 = Receiver();
        var aliceTab2 = Receiver();
        var carol = Receiver();
        using var a1 = _subscribers.Subscribe("alice", aliceTab1.Object);
        using var a2 = _subscribers.Subscribe("ALICE", aliceTab2.Object);
        using var c = _subscribers.Subscribe("carol", carol.Object);
        var entry = Entry("Привет, 世界 👋");

        await _notifier.ToUsersAsync(["alice", "bob"], new EntryAddedEvent(entry));

        aliceTab1.Verify(r => r.EntryAdded(entry), Times.Once);
        aliceTab2.Verify(r => r.EntryAdded(entry), Times.Once);
        carol.Verify(r => r.EntryAdded(It.IsAny<ChatEntryDto>()), Times.Never);
        _clients.Verify(cl => cl.Groups(It.Is<IReadOnlyList<string>>(g => g.SequenceEqual(new[] { "user:ALICE", "user:BOB" }))), Times.Once);
        _hubGroups.Verify(h => h.EntryAdded(entry), Times.Once);
    }

    [TestMethod]
    public async Task ToUsers_OneShellThrowsAndOneNeverFinishes_TheOthersGetItAndThePublisherIsNotHeldUp()
    {
        var broken = Receiver();
        broken.Setup(r => r.EntryAdded(It.IsAny<ChatEntryDto>())).Throws(new InvalidOperationException("circuit gone"));
        var stuck = Receiver();
        stuck.Setup(r => r.EntryAdded(It.IsAny<ChatEntryDto>())).Returns(new TaskCompletionSource().Task);
        var healthy = Receiver();
        using var s1 = _subscribers.Subscribe("bob", broken.Object);
        using var s2 = _subscribers.Subscribe("bob", stuck.Object);
        using var s3 = _subscribers.Subscribe("bob", healthy.Object);
        var entry = Entry("hello");

        var publish = _notifier.ToUsersAsync(["bob"], new EntryAddedEvent(entry));

        Assert.IsTrue(publish.IsCompletedSuccessfully, "the notifier never waits for a shell");
        await publish;
        healthy.Verify(r => r.EntryAdded(entry), Times.Once);
    }

    [TestMethod]
    public async Task Subscribe_Disposed_NoLongerReceives()
    {
        var shell = Receiver();
        var subscription = _subscribers.Subscribe("alice", shell.Object);
        subscription.Dispose();
        subscription.Dispose();

        await _notifier.ToEveryoneAsync(new PresenceChangedEvent(new PresenceDto("bob", PresenceStatus.Away)));

        shell.Verify(r => r.PresenceChanged(It.IsAny<PresenceDto>()), Times.Never);
        Assert.IsEmpty(_subscribers.All());
    }

    private static Mock<IChatClient> Receiver()
    {
        var receiver = new Mock<IChatClient>();
        receiver.Setup(r => r.EntryAdded(It.IsAny<ChatEntryDto>())).Returns(Task.CompletedTask);
        receiver.Setup(r => r.PresenceChanged(It.IsAny<PresenceDto>())).Returns(Task.CompletedTask);
        return receiver;
    }

    private static ChatEntryDto Entry(string text) =>
        new(Guid.NewGuid(), 2, TranscriptLineKind.Message, "alice", text, DateTimeOffset.UnixEpoch, Guid.NewGuid(), null);
}
