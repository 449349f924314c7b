using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Moq;
using ServicePro.Modules.Chat.Hubs;
using ServicePro.Modules.Chat.Tests.Support;

namespace ServicePro.Modules.Chat.Tests.Hubs;

[TestClass]
public sealed class ChatHubLoggerFactoryTests
{
    private static readonly EventId Failed = new(8, ChatHubLoggerFactory.FailedInvokingHubMethod);

    [TestMethod]
    public void DispatcherLogger_FailedCallWithAHubError_LeftOutButOtherFaultsAndEventsKept()
    {
        var captured = new CapturingLogger<ChatHubLoggerFactoryTests>();
        using var factory = new ChatHubLoggerFactory(Factory(captured));
        var dispatcher = factory.CreateLogger(ChatHubLoggerFactory.DispatcherCategory);

        dispatcher.LogError(Failed, new HubException("CHAT_MESSAGE_EMPTY: A message cannot be empty."), "Failed to invoke hub method 'SendMessage'.");
        dispatcher.LogError(Failed, new InvalidOperationException("not ours"), "Failed to invoke hub method 'SendMessage'.");
        dispatcher.LogDebug(new EventId(22, "InvalidHubParameters"), new HubException("CHAT_ARGUMENT_INVALID: …"), "Parameters to hub method 'SetChatTime' are incorrect.");

        CollectionAssert.AreEqual(new[] { "not ours", "CHAT_ARGUMENT_INVALID: …" }, captured.Entries.Select(e => e.Exception!.Message).ToArray());
    }

    [TestMethod]
    public void CreateLogger_OtherCategory_TheHostsLoggerAsIs()
    {
        var captured = new CapturingLogger<ChatHubLoggerFactoryTests>();
        using var factory = new ChatHubLoggerFactory(Factory(captured));

        factory.CreateLogger("Microsoft.AspNetCore.SignalR.HubConnectionHandler").LogError(Failed, new HubException("kept"), "kept");

        Assert.HasCount(1, captured.Entries);
    }

    private static ILoggerFactory Factory(ILogger logger)
    {
        var factory = new Mock<ILoggerFactory>();
        factory.Setup(f => f.CreateLogger(It.IsAny<string>())).Returns(logger);
        return factory.Object;
    }
}
