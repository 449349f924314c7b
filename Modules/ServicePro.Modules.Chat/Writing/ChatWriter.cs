using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
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
/// (<see cref="ChatNotificationLoop"/>). Messages are saved together at the end of the batch (on SQLite by
/// <see cref="ChatEntryInserter"/>); if the batch's commit fails, each write is run again alone.
/// </summary>
public sealed class ChatWriter(IChatDbFactory databases, TimeProvider time, IOptions<ChatOptions> options, ILogger<ChatWriter> logger, ChatMetrics? metrics = null) : BackgroundService
{
    // Bounded, in time and in count (ChatWriteAdmission): under overload a sender learns at once that chat is busy
    // (CHAT_BUSY) instead of waiting behind a backlog that grows without limit in memory and latency.
    private readonly Channel<IQueuedChatWrite> _writes = Channel.CreateBounded<IQueuedChatWrite>(new BoundedChannelOptions(Math.Max(1, options.Value.MaxQueuedWrites)) { SingleReader = true });
    private readonly ChatWriteAdmission _admission = new(options.Value, time);
    private volatile bool _stopped;
    private readonly ChatNotificationLoop _notifications = new(logger);

    // The provider never changes; asking EF each batch costs a reflection call (the provider assembly's name).
    private bool? _sqlite;

    // SQLite: what the last batch of messages committed, so the next one need not read its sessions again.
    private readonly ChatSessionCache _kept = new(KeptSessions);

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
        List<(IQueuedChatWrite Work, ChatWriteContext Context)> done;
        try
        {
            done = await RunAsync(batch, fast: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Typically a resent message whose id is already stored (the unique index refuses the optimistic insert):
            // roll back and run each write alone, carefully, so that one cannot fail the others.
            logger.LogDebug(ex, "A batch of {Count} chat writes was rolled back; writing them one by one", batch.Count);
            if (_kept.RolledBack())
            {
                logger.LogWarning("Chat batches that used the sessions kept from the batch before were rolled back too often: another writer changes this SQLite file's chat sessions. Each batch reads its sessions again from now on.");
            }

            done = [];
            foreach (var work in batch.Where(w => !w.IsFailed))
            {
                try
                {
                    done.AddRange(await RunAsync([work], fast: false, cancellationToken));
                }
                catch (Exception single) when (single is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Its caller gets the exception and logs it (the hub as CHAT_STORAGE_FAILED, housekeeping as its own
                    // failure): logging it here as well would report one fault twice.
                    logger.LogDebug(single, "A chat write failed and was rolled back");
                    work.Fail(single);
                }
            }
        }

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

    /// <summary>
    /// Runs writes in one transaction. Fast: deferrable writes (messages) are saved together at the end, the others
    /// alone (after saving what came before them). Careful: every write saved alone, and writes check the database
    /// instead of trusting the batch.
    /// </summary>
    private async Task<List<(IQueuedChatWrite Work, ChatWriteContext Context)>> RunAsync(List<IQueuedChatWrite> batch, bool fast, CancellationToken cancellationToken)
    {
        var done = new List<(IQueuedChatWrite Work, ChatWriteContext Context)>(batch.Count);
        var shared = new ChatBatch();
        await using var db = databases.Create();
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = new HashSet<Guid>();
        var sqlite = _sqlite ??= db.Database.IsSqlite();
        var sessions = fast ? batch.Where(w => w.Mode == ChatWriteMode.Batched && w.SessionId is not null).Select(w => w.SessionId!.Value).Distinct().Order().ToList() : [];
        if (sessions.Count > 0 && !sqlite)
        {
            // Several hosts' writers: take the batch's session rows in one statement, in key order (the index scan sorts
            // the ids), so two batches sharing sessions queue one behind the other instead of deadlocking — a deadlock
            // rolls a whole batch back into the slow one-by-one re-run.
            await db.Sessions.Where(s => sessions.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSequence, x => x.LastSequence), cancellationToken);
            locked.UnionWith(sessions);
        }

        // Kept sessions only for a batch of messages alone: any other write may change who is in a session.
        var keep = fast && sqlite && batch.TrueForAll(w => w.Mode == ChatWriteMode.Batched);
        if (!keep)
        {
            _kept.Clear();
        }

        if (sessions.Count > 0)
        {
            await shared.PreloadAsync(db, sessions, keep ? _kept : null, cancellationToken);
        }

        // SQLite, fast: the messages' entries are inserted by one prepared statement, not through EF's change tracker.
        var entries = fast && sqlite ? new ChatEntryInserter() : null;
        foreach (var work in batch)
        {
            var alone = !fast || work.Mode == ChatWriteMode.Alone;
            if (alone)
            {
                await SaveAsync(db, entries, cancellationToken);
                shared.Clear();
            }

            // Whole milliseconds: what is stored is exactly what was acknowledged.
            var now = time.GetUtcNow();
            using var span = ChatTracing.StartWrite(work.Caller);
            var context = new ChatWriteContext(db, now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)), shared, careful: !fast, locked, sqlite, cancellationToken, alone ? null : entries);
            try
            {
                await work.RunAsync(context);
                context.Track();
                if (alone)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                done.Add((work, context));
            }
            catch (ChatException ex)
            {
                // A refused write changed nothing. A deferrable one checks before it changes anything; for the others,
                // what came before is saved, so forgetting everything tracked loses nothing.
                if (alone)
                {
                    db.ChangeTracker.Clear();
                    shared.Clear();
                }

                work.Fail(ex);
            }
        }

        await SaveAsync(db, entries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (keep)
        {
            _kept.Keep(shared.Sessions);
        }

        return done;
    }

    /// <summary>Saves what the batch has so far: its entries first, in the order they were made, then EF's changes.</summary>
    private static async Task SaveAsync(DbContext db, ChatEntryInserter? entries, CancellationToken cancellationToken)
    {
        if (entries is not null)
        {
            await entries.FlushAsync(db, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
