using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging;

namespace ServicePro.Modules.Chat.Hubs;

/// <summary>The host's hub protocols, each wrapped in <see cref="ChatArgumentsProtocol"/>: for the chat hub only.</summary>
public sealed class ChatHubProtocolResolver(IHubProtocolResolver inner, ILogger<ChatArgumentsProtocol> logger) : IHubProtocolResolver
{
    public IReadOnlyList<IHubProtocol> AllProtocols => [.. inner.AllProtocols.Select(Wrap)];

    public IHubProtocol? GetProtocol(string protocolName, IReadOnlyList<string>? supportedProtocols) =>
        inner.GetProtocol(protocolName, supportedProtocols) is { } protocol ? Wrap(protocol) : null;

    private ChatArgumentsProtocol Wrap(IHubProtocol protocol) => new(protocol, logger);
}
