using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Cluster;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Modules;
using ServicePro.Modules.Chat.Diagnostics;

namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// Publishes the chat-ended events stored in the outbox: after each commit that stores one, every
/// <see cref="ChatOptions.OutboxPollInterval"/> (rows other hosts wrote), and a failed one again with a doubling
/// back-off. With several hosts on one database exactly one dispatches: the holder of the <see cref="LeaseName"/>
/// lease, asked for every round and renewed once half of it has run (<see cref="ChatLease"/>). A row is deleted once
/// every handler succeeded (a transcript has no business staying twice in the database); handlers are idempotent on
/// the session id, so a stop between the publish and the delete, or a takeover by another host, is harmless. A row
/// whose handler's module is disabled live (Requests turned off in Admin → Modules) stays until the module is enabled
/// again, which wakes the dispatcher: the chat reaches the request's Activity Stream late, not never.
/// </summary>
public sealed class OutboxDispatcher(
    IChatDbFactory databases,
    IIntegrationEventBus events,
    IHostLeases leases,
    TimeProvider time,
    IOptions<ChatOptions> options,
    ILogger<OutboxDispatcher> logger,
    ChatMetrics? metrics = null,
    IEventAggregator? shellEvents = null) : BackgroundService, IOutboxSignal
{
    public const string LeaseName = "chat-outbox";

    private readonly ChatLease _lease = new(leases, LeaseName, time);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Task<bool>? _woken;

    // Per outbox row: when a failed dispatch is tried again, and the wait after that (doubling up to a minute).
    private readonly ConcurrentDictionary<long, (DateTimeOffset At, TimeSpan Delay)> _retries = new();

    public void Signal() => _wake.Writer.TryWrite(true);

    /// <summary>
    /// Returns at a wake or at the poll, whichever comes first, and throws only when stopping. (A wait cancelled by
    /// the poll's timer threw once a second on every host, busy or idle.) One wait for a wake is kept across polls:
    /// a new one each poll would pile up in the channel for as long as nothing is written.
    /// </summary>
    private async Task WaitForWakeOrPollAsync(CancellationToken stoppingToken)
    {
        _woken ??= _wake.Reader.WaitToReadAsync(stoppingToken).AsTask();
        using (var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            if (await Task.WhenAny(_woken, Task.Delay(options.Value.OutboxPollInterval, time, poll.Token)) == _woken)
            {
                _woken = null;
                _wake.Reader.TryRead(out _);
                await poll.CancelAsync();
            }
        }

        stoppingToken.ThrowIfCancellationRequested();
    }

    /// <summary>Dispatches every pending event once, whatever its back-off.</summary>
    /// <returns>How many are still pending (their handlers failed).</returns>
    public Task<int> DispatchPendingAsync(CancellationToken cancellationToken) => DispatchAsync(onlyDue: false, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A module enabled again may be the one a waiting event is for: try every row now, not at its back-off.
        using var enabled = shellEvents?.Subscribe<ModuleStateChangedEvent>((changed, _) =>
        {
            if (changed.State == ModuleState.Enabled)
            {
                _retries.Clear();
                Signal();
            }

            return Task.CompletedTask;
        });
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await _lease.TryHoldAsync(options.Value.LeaseDuration, stoppingToken))
                    {
                        await DispatchAsync(onlyDue: true, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "The chat outbox could not be read");
                }

                // A commit on this host wakes it at once; rows of other hosts wait for the poll, which also renews the lease.
                await WaitForWakeOrPollAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            await _lease.ReleaseAsync(logger);
        }
    }

    private async Task<int> DispatchAsync(bool onlyDue, CancellationToken cancellationToken)
    {
        await using var db = databases.Create();

        // Rows that earlier versions marked dispatched instead of deleting.
        await db.Outbox.Where(o => o.DispatchedAt != null).ExecuteDeleteAsync(cancellationToken);
        var pending = await db.Outbox.OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var failed = 0;
        foreach (var row in pending)
        {
            var now = time.GetUtcNow();
            if (onlyDue && _retries.TryGetValue(row.Id, out var retry) && retry.At > now)
            {
                failed++;
                continue;
            }

            var ended = JsonSerializer.Deserialize<ChatSessionEndedEvent>(row.Payload)!;
            using var scope = logger.BeginScope(ChatTelemetryHubFilter.Scope(row.SessionId, ended.RequestNumber));
            using var span = ChatTracing.StartOutboxDispatch(row.TraceParent, row.SessionId);
            try
            {
                await events.PublishAsync(ended, cancellationToken);
                db.Outbox.Remove(row);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                row.Attempts++;
                var delay = _retries.TryGetValue(row.Id, out var previous)
                    ? TimeSpan.FromTicks(Math.Min(previous.Delay.Ticks * 2, MaxRetryDelay.Ticks))
                    : options.Value.OutboxRetryDelay;
                _retries[row.Id] = (now + delay, delay);
                if (ex is AggregateException { InnerExceptions: var reasons } && reasons.All(r => r is EventDeferredException))
                {
                    logger.LogInformation("The chat-ended event of session {SessionId} waits for disabled modules ({Handlers}); it is delivered once they are enabled", row.SessionId, string.Join(", ", reasons.Cast<EventDeferredException>().SelectMany(r => r.Handlers)));
                }
                else
                {
                    logger.LogWarning(ex, "The chat-ended event of session {SessionId} was not handled (attempt {Attempt}); it will be retried", row.SessionId, row.Attempts);
                }
            }

            var dispatched = db.Entry(row).State == EntityState.Deleted;
            await db.SaveChangesAsync(cancellationToken);
            if (dispatched)
            {
                // Only once the row is gone: a stop before this line means the event is delivered again.
                _retries.TryRemove(row.Id, out _);
                metrics?.OutboxDispatched(time.GetUtcNow() - row.CreatedAt);
                logger.LogInformation("Chat-ended event of session {SessionId} dispatched", row.SessionId);
            }
        }

        return failed;
    }
}
