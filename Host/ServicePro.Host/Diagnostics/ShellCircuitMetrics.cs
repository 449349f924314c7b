using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ServicePro.Host.Diagnostics;

/// <summary>Counts open shells: one Blazor circuit per open tab of the shell.</summary>
public sealed class ShellCircuitMetrics(HostMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.ShellOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.ShellClosed();
        return Task.CompletedTask;
    }
}
