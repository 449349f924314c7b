using System.Security.Claims;

namespace ServicePro.Modules.Chat.Application;

/// <summary>Who is calling, taken from the sign-in (the hub connection's or the circuit's principal), never from a payload.</summary>
public readonly record struct ChatCaller(string UserName)
{
    public static ChatCaller From(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? new ChatCaller(name)
            : throw new ChatException(ChatConstants.Errors.NotSignedIn, "Sign in to use chat.");

    public override string ToString() => UserName;
}
