using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePro.Modules.Chat.Hubs;

namespace ServicePro.Modules.Chat.Tests.Hubs;

/// <summary>The real JSON hub protocol, wrapped, reading invocations as a client would send them.</summary>
[TestClass]
public sealed class ChatArgumentsProtocolTests
{
    private static readonly string SessionId = Guid.NewGuid().ToString();

    [TestMethod]
    [DataRow("SendMessage", """[{"sessionId":"{0}","clientMessageId":"not-a-guid","text":"Привет"}]""", DisplayName = "clientMessageId not a GUID")]
    [DataRow("SetChatTime", """["{0}","25:00:00"]""", DisplayName = "25:00:00 as Chat Time")]
    [DataRow("StartSession", """["4711"]""", DisplayName = "request number as text")]
    [DataRow("GetSession", """["{0}","extra"]""", DisplayName = "one argument too many")]
    [DataRow("GetEntries", """["{0}"]""", DisplayName = "one argument missing")]
    [DataRow("SetPresence", """["Busy"]""", DisplayName = "presence by name")]
    public void TryParseMessage_ArgumentsDoNotFit_BindingFailureWithArgumentInvalidAndWhatTheMethodTakes(string method, string arguments)
    {
        var message = Parse(method, arguments.Replace("{0}", SessionId, StringComparison.Ordinal));

        var failure = Assert.IsInstanceOfType<InvocationBindingFailureMessage>(message);
        var error = Assert.IsInstanceOfType<HubException>(failure.BindingFailure.SourceException);
        StringAssert.StartsWith(error.Message, $"{ChatConstants.Errors.ArgumentInvalid}: The arguments do not fit {method}, which takes ");
    }

    [TestMethod]
    public void TryParseMessage_ChatTimeAsText_SaysADurationIsExpected()
    {
        var failure = (InvocationBindingFailureMessage)Parse("SetChatTime", $"""["{SessionId}","25:00:00"]""");

        Assert.AreEqual(
            """CHAT_ARGUMENT_INVALID: The arguments do not fit SetChatTime, which takes a GUID, a duration such as "00:05:00" (at most "1.00:00:00").""",
            failure.BindingFailure.SourceException.Message);
    }

    [TestMethod]
    public void TryParseMessage_UnknownMethod_MethodNotFound()
    {
        var failure = Assert.IsInstanceOfType<InvocationBindingFailureMessage>(Parse("DeleteEverything", "[]"));

        StringAssert.StartsWith(failure.BindingFailure.SourceException.Message, ChatConstants.Errors.MethodNotFound + ": ");
    }

    [TestMethod]
    public void TryParseMessage_ArgumentsFit_TheInvocationUnchanged()
    {
        var message = Parse("SetChatTime", $"""["{SessionId}","1.00:00:00"]""");

        var invocation = Assert.IsInstanceOfType<InvocationMessage>(message);
        Assert.AreEqual(TimeSpan.FromHours(24), invocation.Arguments[1]);
    }

    private static HubMessage Parse(string method, string arguments)
    {
        var protocol = new ChatArgumentsProtocol(new JsonHubProtocol(), NullLogger.Instance);
        var input = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes($$"""{"type":1,"invocationId":"1","target":"{{method}}","arguments":{{arguments}}}""" + "\u001e"));

        Assert.IsTrue(protocol.TryParseMessage(ref input, new ChatHubBinder(), out var message));
        return message!;
    }

    /// <summary>Binds as SignalR does for <see cref="ChatHub"/>: by the hub method's parameters, unknown names refused.</summary>
    private sealed class ChatHubBinder : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
            typeof(ChatHub).GetMethod(methodName)?.GetParameters().Select(p => p.ParameterType).ToList()
            ?? throw new HubException("Method does not exist.");

        public Type GetReturnType(string invocationId) => throw new NotSupportedException("The server reads no results.");

        public Type GetStreamItemType(string streamId) => throw new NotSupportedException("The chat hub takes no streams.");
    }
}
