using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using ServicePro.Chat.Protocol;

namespace ServicePro.Chat.Client;

/// <summary>The hub refused a call: <see cref="Code"/> is one of <see cref="ChatProtocol.Errors"/>.</summary>
public sealed partial class ChatClientException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The code of an error the hub did not name (its message did not start with one).</summary>
    public const string UnknownCode = "CHAT_UNKNOWN";

    public string Code { get; } = code;

    /// <summary>Reads the code and the message out of a hub error (<c>… HubException: CODE: message</c>).</summary>
    public static ChatClientException From(HubException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var match = CodePattern().Match(exception.Message);
        return match.Success
            ? new ChatClientException(match.Groups[1].Value, match.Groups[2].Value, exception)
            : new ChatClientException(UnknownCode, exception.Message, exception);
    }

    [GeneratedRegex(@"\b(CHAT_[A-Z_]+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex CodePattern();
}
