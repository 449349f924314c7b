using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.Shell;

/// <summary>
/// Presence from the shell itself: a signed-in rep's circuit counts as one of her connections while its browser is
/// connected. When the browser vanishes, Blazor reports the connection down at once (or after its client timeout on a
/// silent network), even though the circuit is kept for a possible reconnect — so the rep goes Offline then, and the
/// grace period for her sessions starts then, not when the retained circuit is finally disposed.
/// </summary>
public sealed class ChatCircuitHandler(AuthenticationStateProvider authentication, PresenceHandler presence) : CircuitHandler
{
    private ChatCaller? _caller;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } })
        {
            _caller = ChatCaller.From(user);
            await presence.ConnectedAsync(_caller.Value, ConnectionId(circuit));
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => DownAsync(circuit);

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) => DownAsync(circuit);

    private Task DownAsync(Circuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        return _caller is { } caller ? presence.DisconnectedAsync(caller, ConnectionId(circuit)) : Task.CompletedTask;
    }

    private static string ConnectionId(Circuit circuit) => "circuit:" + circuit.Id;
}
