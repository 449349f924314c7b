using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Cluster;

namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// A lease one of this module's background jobs asks for on every tick. It is renewed in the database only once half
/// of it has run, not on every tick: each renewal is a write on the database the chat writer commits to, which on
/// SQLite waits for the writer's lock and makes the writer's connection drop its page cache. Until then this host holds
/// it for sure (nobody else can take a lease before it expires), with at least half the duration still to run.
/// </summary>
internal sealed class ChatLease(IHostLeases leases, string name, TimeProvider time)
{
    private DateTimeOffset _renewFrom = DateTimeOffset.MinValue;

    /// <summary>True when this host holds the lease: still, or again after asking the database.</summary>
    public async Task<bool> TryHoldAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _renewFrom)
        {
            return true;
        }

        // Taken before asking: the database's expiry is at least this far ahead of it.
        var held = await leases.TryHoldAsync(name, duration, cancellationToken);
        _renewFrom = held ? now + (duration / 2) : DateTimeOffset.MinValue;
        return held;
    }

    /// <summary>Gives the lease up when the job stops, so that another host takes over at once.</summary>
    public async Task ReleaseAsync(ILogger logger)
    {
        _renewFrom = DateTimeOffset.MinValue;
        try
        {
            // Stopping: a short wait of its own, never the stopped token.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(name, timeout.Token);
        }
        catch (Exception ex)
        {
            // It expires on its own; another host takes over then.
            logger.LogWarning(ex, "Lease {Lease} could not be released; another host takes over when it expires", name);
        }
    }
}
