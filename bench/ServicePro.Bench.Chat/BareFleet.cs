using System.Globalization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ServicePro.Bench.Chat;

/// <summary>The reps on the tool's bare relay hub: a group per G reps, no sign-in.</summary>
public sealed class BareFleet(Uri baseAddress, int reps, int groupSize, Action<int, string> delivered) : RelayFleet(reps, groupSize, delivered)
{
    public override async Task FormGroupsAsync(CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, Reps), cancellationToken, async (rep, ct) =>
            await Connection(rep).InvokeAsync(nameof(BareRelayHub.Join), Group(rep), ct));

    public override Task SendAsync(int rep, string text) => Connection(rep).InvokeAsync(nameof(BareRelayHub.Send), Group(rep), text);

    protected override HubConnection Build(int rep)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, BareRelayHub.Route.TrimStart('/')), HttpTransportType.WebSockets)
            .Build();
        connection.On<string>(BareRelayHub.RelayEvent, text => Deliver(rep, text));
        return connection;
    }

    private string Group(int rep) => GroupOf(rep, GroupSize).ToString(CultureInfo.InvariantCulture);
}
