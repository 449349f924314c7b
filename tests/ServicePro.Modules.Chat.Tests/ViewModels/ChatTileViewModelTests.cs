using Moq;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Tests.ViewModels;

[TestClass]
public sealed class ChatTileViewModelTests
{
    [TestMethod]
    public async Task SetStatus_BusyThenRefused_ShowsBusyUntilTheRefusalAndKeepsItWithTheReason()
    {
        var chat = new Mock<IChatApi>();
        chat.Setup(c => c.SetPresenceAsync(PresenceStatus.Away, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ChatException(ChatConstants.Errors.PresenceInvalid, "That status cannot be chosen."));
        var tile = new ChatTileViewModel(chat.Object);

        await tile.SetStatusCommand.ExecuteAsync(PresenceStatus.Busy);
        Assert.AreEqual(PresenceStatus.Busy, tile.Status);
        await tile.SetStatusCommand.ExecuteAsync(PresenceStatus.Away);

        Assert.AreEqual(PresenceStatus.Busy, tile.Status, "a refused status is not shown as the rep's");
        Assert.AreEqual("That status cannot be chosen.", tile.Error);
        await tile.SetStatusCommand.ExecuteAsync(PresenceStatus.Available);
        Assert.IsNull(tile.Error, "the next accepted change clears the reason");
    }

    [TestMethod]
    public async Task StartChat_Refused_ReasonShownAndNoWindowOpened()
    {
        var chat = new Mock<IChatApi>();
        chat.Setup(c => c.StartSessionAsync(null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ChatException(ChatConstants.Errors.ModuleDisabled, "Chat is disabled by the administrator."));
        var tile = new ChatTileViewModel(chat.Object);
        var opened = 0;
        tile.SessionStarted += (_, _) => opened++;

        await tile.StartChatCommand.ExecuteAsync(null);

        Assert.AreEqual(0, opened);
        Assert.AreEqual("Chat is disabled by the administrator.", tile.Error);
    }
}
