using System.Security.Claims;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.Shell;

/// <summary>The chat API of one shell, bound to its rep and renderer once the shell is interactive (<see cref="CircuitChat"/>).</summary>
public interface IShellChat : IChatApi
{
    /// <summary>Binds to the circuit's rep and renderer, and starts receiving her events.</summary>
    /// <param name="user">The circuit's signed-in principal.</param>
    /// <param name="dispatch">Runs an action on the circuit's renderer (a component's <c>InvokeAsync</c>).</param>
    void Attach(ClaimsPrincipal user, Func<Action, Task> dispatch);
}
