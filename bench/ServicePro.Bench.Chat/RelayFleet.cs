using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace ServicePro.Bench.Chat;

/// <summary>
/// N client connections, one per rep, in groups of G that relay each other's texts: the product's chat sessions
/// (<see cref="ChatFleet"/>) or the bare hub's groups (<see cref="BareFleet"/>). Every text that reaches a rep goes to
/// the handler given at construction, with the receiving rep's index.
/// </summary>
public abstract class RelayFleet(int reps, int groupSize, Action<int, string> delivered) : IAsyncDisposable
{
    /// <summary>Connections opened at once while connecting.</summary>
    private const int ConnectParallelism = 50;

    private readonly HubConnection?[] _connections = new HubConnection?[reps];

    public int Reps => reps;

    public int GroupSize => groupSize;

    /// <summary>The rep's group: reps g·G … g·G + G − 1 (the last group may be smaller).</summary>
    public static int GroupOf(int rep, int groupSize) => rep / groupSize;

    /// <summary>Opens every connection, 50 at a time, and returns how long that took.</summary>
    public async Task<TimeSpan> ConnectAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, reps), new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = cancellationToken }, async (rep, ct) =>
        {
            var connection = Build(rep);
            await connection.StartAsync(ct);
            _connections[rep] = connection;
        });
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Puts every rep into its group (a chat session, or a hub group).</summary>
    public abstract Task FormGroupsAsync(CancellationToken cancellationToken);

    /// <summary>Sends a text from a rep to its group; completes with the server's acknowledgement, throws its refusal.</summary>
    public abstract Task SendAsync(int rep, string text);

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_connections.OfType<HubConnection>(), new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism }, async (connection, _) => await connection.DisposeAsync());
        GC.SuppressFinalize(this);
    }

    protected HubConnection Connection(int rep) => _connections[rep] ?? throw new InvalidOperationException($"Rep {rep} is not connected.");

    protected void Deliver(int rep, string text) => delivered(rep, text);

    /// <summary>The rep's connection, not started; it hands what it receives to <see cref="Deliver"/>.</summary>
    protected abstract HubConnection Build(int rep);
}
