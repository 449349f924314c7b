using Microsoft.AspNetCore.SignalR;

namespace ServicePro.Chat.Client.Tests;

[TestClass]
public sealed class ChatClientExceptionTests
{
    [TestMethod]
    public void From_HubErrorWithACode_TheCodeAndTheExplanation()
    {
        var error = ChatClientException.From(new HubException("An unexpected error occurred invoking 'SendMessage' on the server. HubException: CHAT_MESSAGE_TOO_LONG: Слишком длинно: 4 000 знаков."));

        Assert.AreEqual(ChatProtocol.Errors.MessageTooLong, error.Code);
        Assert.AreEqual("Слишком длинно: 4 000 знаков.", error.Message);
    }

    [TestMethod]
    public void From_HubErrorWithoutACode_Unknown()
    {
        var error = ChatClientException.From(new HubException("The chat recorder refused the second call of GetPresence."));

        Assert.AreEqual(ChatClientException.UnknownCode, error.Code);
        Assert.AreEqual("The chat recorder refused the second call of GetPresence.", error.Message);
    }
}
