using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Events;

namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// Publishes the chat-ended events stored in the outbox: at start-up, after each commit that stores one, and again
/// (with a doubling back-off) while a handler fails. A row is deleted once every handler succeeded (a transcript has
/// no business staying twice in the database); handlers are idempotent on the session id, so a stop between the
/// publish and the delete is harmless.
/// </summary>
public sealed class OutboxDispatcher(
    IChatDbFactory databases,
    IIntegrationEventBus events,
    TimeProvider time,
    IOptions<ChatOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService, IOutboxSignal
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Signal() => _wake.Writer.TryWrite(true);

    /// <summary>Dispatches every pending event once.</summary>
    /// <returns>How many are still pending (their handlers failed).</returns>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.Create();

        // Rows that earlier versions marked dispatched instead of deleting.
        await db.Outbox.Where(o => o.DispatchedAt != null).ExecuteDeleteAsync(cancellationToken);
        var pending = await db.Outbox.OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var failed = 0;
        foreach (var row in pending)
        {
            var ended = JsonSerializer.Deserialize<ChatSessionEndedEvent>(row.Payload)!;
            try
            {
                await events.PublishAsync(ended, cancellationToken);
                db.Outbox.Remove(row);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                row.Attempts++;
                logger.LogWarning(ex, "The chat-ended event of session {SessionId} was not handled (attempt {Attempt}); it will be retried", row.SessionId, row.Attempts);
            }

            var dispatched = db.Entry(row).State == EntityState.Deleted;
            await db.SaveChangesAsync(cancellationToken);
            if (dispatched)
            {
                // Only once the row is gone: a stop before this line means the event is delivered again.
                logger.LogInformation("Chat-ended event of session {SessionId} dispatched", row.SessionId);
            }
        }

        return failed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.OutboxRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            int failed;
            try
            {
                failed = await DispatchPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The chat outbox could not be read");
                failed = 1;
            }

            try
            {
                if (failed == 0)
                {
                    delay = options.Value.OutboxRetryDelay;
                    await _wake.Reader.ReadAsync(stoppingToken);
                }
                else
                {
                    using var timeout = new CancellationTokenSource(delay, time);
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                    try
                    {
                        await _wake.Reader.ReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        // Time to retry.
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
