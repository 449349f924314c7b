using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Cluster;
using ServicePro.Host.Data;

namespace ServicePro.Host.Cluster;

/// <summary>
/// <see cref="IHostLeases"/> on the host's <c>HostLeases</c> table. Taking a lease is one conditional UPDATE (held by
/// this process, or expired), so two hosts cannot both succeed; a lease never taken before is INSERTed, and the
/// primary key decides between two hosts inserting at once. Only EF's portable operations: the same on every provider.
/// </summary>
public sealed class LeasesInDatabase(IServiceScopeFactory scopes, TimeProvider time, ILogger<LeasesInDatabase> logger) : IHostLeases
{
    /// <summary>This process: a host restarted on the same machine is another holder, and waits like any other.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private readonly ConcurrentDictionary<string, bool> _held = new(StringComparer.Ordinal);

    public async Task<bool> TryHoldAsync(string name, TimeSpan duration, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)duration.TotalMilliseconds;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceProIdentityDbContext>();
        var taken = await db.HostLeases
            .Where(l => l.Name == name && (l.Holder == Holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1)
        {
            return Held(name, true);
        }

        if (await db.HostLeases.AnyAsync(l => l.Name == name, ct))
        {
            return Held(name, false);
        }

        db.HostLeases.Add(new HostLeaseRecord { Name = name, Holder = Holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return Held(name, true);
        }
        catch (DbUpdateException ex)
        {
            // Another host inserted it first: it holds the lease.
            logger.LogDebug(ex, "Another host took the new lease {Lease} first", name);
            return Held(name, false);
        }
    }

    public async Task ReleaseAsync(string name, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceProIdentityDbContext>();
        if (await db.HostLeases.Where(l => l.Name == name && l.Holder == Holder).ExecuteDeleteAsync(ct) > 0)
        {
            _held[name] = false;
            logger.LogInformation("This host released lease {Lease}", name);
        }
    }

    /// <summary>Logs when this host starts or stops holding a lease (not every renewal).</summary>
    private bool Held(string name, bool held)
    {
        var before = _held.TryGetValue(name, out var was) && was;
        _held[name] = held;
        if (held != before)
        {
            logger.LogInformation(held ? "This host ({Holder}) now holds lease {Lease}" : "This host ({Holder}) no longer holds lease {Lease}", Holder, name);
        }

        return held;
    }
}
