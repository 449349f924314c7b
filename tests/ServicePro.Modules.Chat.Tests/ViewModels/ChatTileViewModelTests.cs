using Moq;
using ServicePro.Modules.Chat.Client;
using ServicePro.Modules.Chat.Hubs;
using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Tests.ViewModels;

[TestClass]
public sealed class ChatTileViewModelTests
{
    [TestMethod]
    public async Task SetStatus_Busy_SentAndShown()
    {
        var chat = new Mock<IChatService>();
        using var tile = new ChatTileViewModel(chat.Object);

        await tile.SetStatusCommand.ExecuteAsync(PresenceStatus.Busy);

        chat.Verify(c => c.SetPresenceAsync(PresenceStatus.Busy, It.IsAny<CancellationToken>()));
        Assert.AreEqual(PresenceStatus.Busy, tile.Status);
    }

    [TestMethod]
    public async Task StartChat_FromWorkbench_StartsASessionWithoutARequest()
    {
        var chat = new Mock<IChatService>();
        var id = Guid.NewGuid();
        var session = new ChatSessionDto(id, null, null, "alice", ["alice"], DateTimeOffset.UtcNow, null, new ChatTimeDto(id, TimeSpan.Zero, true, DateTimeOffset.UtcNow), 1);
        chat.Setup(c => c.StartSessionAsync(null, It.IsAny<CancellationToken>())).ReturnsAsync(session);
        using var tile = new ChatTileViewModel(chat.Object);
        ChatSessionDto? started = null;
        tile.SessionStarted += (_, s) => started = s;

        await tile.StartChatCommand.ExecuteAsync(null);

        Assert.AreEqual(session, started);
    }
}
