using Microsoft.AspNetCore.SignalR;

namespace ServicePro.Modules.Chat.Hubs;

/// <summary>A refused hub call: the client sees <c>CODE: message</c> with a code from <see cref="ChatConstants.Errors"/>.</summary>
public sealed class ChatHubException(string code, string message) : HubException($"{code}: {message}")
{
    public string Code { get; } = code;
}
