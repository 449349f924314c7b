using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ServicePro.Host.Security;

/// <summary>
/// The two limits a password check passes (one instance for the host): wrong passwords per user name and client
/// address (only failures count, so a rep who types correctly is never slowed), and how many checks hash at once.
/// No failure ever locks the account itself: a guesser elsewhere cannot keep a rep out.
/// </summary>
public sealed class SignInGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly ConcurrencyLimiter _checks;

    // An administrator's unlock starts a user name's budgets afresh (a new partition: a rate limiter cannot be reset),
    // and the Users page shows who is throttled now.
    private readonly ConcurrentDictionary<string, int> _generations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _throttledUntil = new(StringComparer.Ordinal);
    private readonly TimeSpan _accountWindow;
    private readonly TimeProvider _clock;

    public SignInGuard(IOptions<SignInLimitsOptions> options, TimeProvider? clock = null)
    {
        var limits = options.Value;
        _accountWindow = limits.AccountWindow;
        _clock = clock ?? TimeProvider.System;
        _failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.FailuresPerAccount,
            Window = limits.AccountWindow,
            QueueLimit = 0,
        }));
        _checks = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.ConcurrentPasswordChecks,
            QueueLimit = limits.PasswordCheckQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>The failure budget's key: the client address and the normalized user name.</summary>
    public static string AccountKey(IPAddress? client, string normalizedUserName) => $"{client}\n{normalizedUserName}";

    /// <returns><c>null</c> while the pair may still try; otherwise the throttled result to answer with.</returns>
    public SignInThrottledResult? CheckFailureBudget(string accountKey)
    {
        // Zero permits asks "any left?" without spending one: only a wrong password spends (RecordFailure).
        using var lease = _failures.AttemptAcquire(Partition(accountKey), 0);
        return lease.IsAcquired ? null : new SignInThrottledResult(RetryAfter(lease, TimeSpan.FromMinutes(1)), busy: false);
    }

    public void RecordFailure(string accountKey)
    {
        _failures.AttemptAcquire(Partition(accountKey), 1).Dispose();
        if (CheckFailureBudget(accountKey) is not null)
        {
            _throttledUntil[UserNameOf(accountKey)] = _clock.GetUtcNow() + _accountWindow;
        }
    }

    /// <summary>Whether wrong passwords for <paramref name="normalizedUserName"/> are throttled on this host now (from some client).</summary>
    public bool IsThrottled(string normalizedUserName) =>
        _throttledUntil.TryGetValue(normalizedUserName, out var until) && until > _clock.GetUtcNow();

    /// <summary>An administrator unlocked the account: every client may try its password again at once.</summary>
    public void Forget(string normalizedUserName)
    {
        _generations.AddOrUpdate(normalizedUserName, 1, (_, generation) => generation + 1);
        _throttledUntil.TryRemove(normalizedUserName, out _);
    }

    private static string UserNameOf(string accountKey) => accountKey[(accountKey.IndexOf('\n', StringComparison.Ordinal) + 1)..];

    private string Partition(string accountKey) =>
        _generations.TryGetValue(UserNameOf(accountKey), out var generation) ? $"{accountKey}\n{generation}" : accountKey;

    /// <summary>Waits (asynchronously, in order) for a password-check slot; the lease must be disposed after the check.</summary>
    public async ValueTask<RateLimitLease> WaitForPasswordCheckAsync(CancellationToken cancellationToken) =>
        await _checks.AcquireAsync(1, cancellationToken);

    /// <summary>A <c>Retry-After</c> header's value: whole seconds, rounded up, never less than one.</summary>
    public static string RetryAfterHeader(TimeSpan retryAfter) =>
        ((int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : fallback;
    }

    public void Dispose()
    {
        _failures.Dispose();
        _checks.Dispose();
    }
}
