using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;

namespace ServicePro.Modules.Chat.Client;

/// <summary>The hub refused a call: <see cref="Code"/> is one of <see cref="ChatConstants.Errors"/>.</summary>
public sealed partial class ChatClientException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    /// <summary>Reads the code and the message out of a hub error (<c>… HubException: CODE: message</c>).</summary>
    public static ChatClientException From(HubException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var match = CodePattern().Match(exception.Message);
        return match.Success
            ? new ChatClientException(match.Groups[1].Value, match.Groups[2].Value, exception)
            : new ChatClientException("CHAT_UNKNOWN", exception.Message, exception);
    }

    [GeneratedRegex(@"\b(CHAT_[A-Z_]+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex CodePattern();
}
