using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Services;
using System.Diagnostics;
using ServicePro.Modules.Chat.Diagnostics;

namespace ServicePro.Modules.Chat.Writing;

/// <summary>
/// The one writer of chat data. Writes queue up in a channel; the loop takes whatever has arrived (up to
/// <see cref="ChatOptions.MaxBatchSize"/>) and runs it in one transaction, so under load many messages share one
/// commit. A caller's task completes only after the commit (that is the acknowledgement); a refused write
/// (<see cref="ChatException"/>) is undone alone. How a write shares the batch is its <see cref="ChatWriteMode"/>;
/// what batched writes share is a typed <see cref="ChatBatch"/>.
/// After each commit the batch's notifications are sent in commit order, on a loop of their own
/// (<see cref="ChatNotificationLoop"/>). The transactions are <see cref="ChatBatchRunner"/>'s: messages saved together at
/// the end of the batch and, if the batch fails, its writes run again in halves.
/// </summary>
public sealed class ChatWriter(IChatDbFactory databases, TimeProvider time, IOptions<ChatOptions> options, ILogger<ChatWriter> logger, ChatMetrics? metrics = null) : BackgroundService
{
    // Bounded, in time and in count (ChatWriteAdmission): under overload a sender learns at once that chat is busy
    // (CHAT_BUSY) instead of waiting behind a backlog that grows without limit in memory and latency.
    private readonly Channel<IQueuedChatWrite> _writes = Channel.CreateBounded<IQueuedChatWrite>(new BoundedChannelOptions(Math.Max(1, options.Value.MaxQueuedWrites)) { SingleReader = true });
    private readonly ChatWriteAdmission _admission = new(options.Value, time);
    private volatile bool _stopped;
    private readonly ChatNotificationLoop _notifications = new(logger);

    private readonly ChatBatchRunner _runner = new(databases, time, logger);

    /// <summary>Sessions kept between batches of messages, at most (then all are forgotten and read again).</summary>
    public const int KeptSessions = 4096;

    /// <summary>Writes waiting to be taken (a gauge of <see cref="ChatMetrics"/>).</summary>
    public int QueueDepth => _writes.Reader.Count;

    /// <param name="mode">How the write shares its batch.</param>
    /// <param name="write">The write; it may run twice (a second, careful time if its batch is rolled back).</param>
    /// <param name="cancellationToken">Cancels queueing only: a queued write is stored whatever its caller does.</param>
    /// <param name="sessionId">The session a batched write changes, when known: on a server database the batch locks its sessions' rows up front, in one order.</param>
    /// <exception cref="ChatException"><see cref="ChatConstants.Errors.Busy"/> when the queue is full: the oldest write waiting has waited longer than <see cref="ChatOptions.MaxQueueWait"/> (and 64 or more wait), or <see cref="ChatOptions.MaxQueuedWrites"/> are waiting (<see cref="ChatWriteAdmission"/>).</exception>
    public async Task<T> ExecuteAsync<T>(ChatWriteMode mode, Func<ChatWriteContext, Task<T>> write, CancellationToken cancellationToken = default, Guid? sessionId = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var work = new QueuedChatWrite<T>(write, mode, sessionId, time.GetTimestamp());
        if (IsFull() || !_writes.Writer.TryWrite(work))
        {
            throw _stopped
                ? new OperationCanceledException("The chat service is stopping.")
                : new ChatException(ChatConstants.Errors.Busy, "Chat is busy just now; nothing was stored. Try again in a moment.");
        }

        return await work.Stored;
    }

    private bool IsFull() => _writes.Reader.TryPeek(out var oldest) && _admission.IsFull(_writes.Reader.Count, oldest.Queued);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var notifying = _notifications.RunAsync(stoppingToken);
        var batch = new List<IQueuedChatWrite>();
        try
        {
            while (await _writes.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < options.Value.MaxBatchSize && _writes.Reader.TryRead(out var work))
                {
                    batch.Add(work);
                }

                await WriteBatchAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: writes not yet taken are never acknowledged, so their senders resend them.
        }
        finally
        {
            _stopped = true;
            _writes.Writer.TryComplete();
            while (_writes.Reader.TryRead(out var left))
            {
                left.Fail(new OperationCanceledException("The chat service is stopping."));
            }

            _notifications.Complete();
            await notifying;
        }
    }

    private async Task WriteBatchAsync(List<IQueuedChatWrite> batch, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();

        using var span = ChatTracing.StartBatch([.. batch.Select(w => w.Caller)]);
        var done = await _runner.WriteAsync(batch, cancellationToken);

        // Recorded together once the batch is over, so that a scrape never sees a batch's writes without the batch.
        metrics?.QueueWaited(batch.Select(w => time.GetElapsedTime(w.Queued, started)));
        metrics?.BatchWritten(batch.Count, time.GetElapsedTime(started));
        var committed = Stopwatch.GetTimestamp();
        foreach (var (work, context) in done)
        {
            foreach (var onCommitted in context.CommittedActions)
            {
                onCommitted();
            }

            work.Complete();
            foreach (var action in context.AfterCommitActions)
            {
                _notifications.Post(ChatTracing.Traced(work.Caller, metrics?.Timed(action, committed) ?? action));
            }
        }
    }
}
