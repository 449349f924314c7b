using Moq;
using ServicePro.Contracts.Chat;
using ServicePro.Modules.Chat.Client;
using ServicePro.Modules.Chat.Hubs;
using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Tests.ViewModels;

[TestClass]
public sealed class MessagesViewModelTests
{
    [TestMethod]
    public async Task Load_MySessions_NewestFirstWithTheNewestSelected()
    {
        var chat = new Mock<IChatService>();
        var newest = new ChatSessionSummaryDto(Guid.NewGuid(), null, "alice", ["alice", "bob"], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2), [new TranscriptLine(DateTimeOffset.UtcNow, "alice", TranscriptLineKind.Message, "hi")]);
        var older = newest with { SessionId = Guid.NewGuid() };
        chat.Setup(c => c.GetMySessionsAsync(It.IsAny<CancellationToken>())).ReturnsAsync([newest, older]);
        var messages = new MessagesViewModel(chat.Object);

        await messages.LoadCommand.ExecuteAsync(null);

        Assert.HasCount(2, messages.Sessions);
        Assert.AreEqual(newest, messages.Selected);
    }
}
