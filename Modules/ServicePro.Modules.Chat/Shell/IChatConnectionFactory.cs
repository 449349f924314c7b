using System.Security.Claims;
using ServicePro.Modules.Chat.Client;

namespace ServicePro.Modules.Chat.Shell;

/// <summary>Creates the chat connection of one rep's shell (one per Blazor circuit).</summary>
public interface IChatConnectionFactory
{
    /// <summary>A client for <paramref name="user"/> (the circuit's signed-in rep) on the hub at <paramref name="hubUrl"/>; not started.</summary>
    IChatService Create(ClaimsPrincipal user, Uri hubUrl);
}
