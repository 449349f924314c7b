using Microsoft.Extensions.Logging;
using Moq;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Tests.Writing;

[TestClass]
public sealed class ChatNotificationLoopTests
{
    private readonly Mock<ILogger> _logger = new();

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task RunAsync_OneNotificationFails_TheOthersAreSentInOrderAndTheFailureIsLogged()
    {
        var loop = new ChatNotificationLoop(_logger.Object);
        var sent = new List<string>();
        loop.Post(() => Sent(sent, "Ольга: привет"));
        loop.Post(() => throw new InvalidOperationException("the client went away"));
        loop.Post(() => Sent(sent, "李: 你好 👋"));
        loop.Complete();

        await loop.RunAsync(TestContext.CancellationToken);

        CollectionAssert.AreEqual(new[] { "Ольга: привет", "李: 你好 👋" }, sent);
        _logger.Verify(
            l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.Is<Exception>(e => e.Message == "the client went away"), It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once());
    }

    [TestMethod]
    public async Task RunAsync_Completed_EndsOnceWhatWasPostedIsSent()
    {
        var loop = new ChatNotificationLoop(_logger.Object);
        var running = loop.RunAsync(TestContext.CancellationToken);
        var sent = new List<string>();
        loop.Post(() => Sent(sent, "last words"));

        loop.Complete();
        await running;

        CollectionAssert.AreEqual(new[] { "last words" }, sent);
    }

    private static Task Sent(List<string> sent, string text)
    {
        sent.Add(text);
        return Task.CompletedTask;
    }
}
