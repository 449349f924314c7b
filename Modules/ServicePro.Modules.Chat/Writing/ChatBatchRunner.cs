using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Diagnostics;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Writing;

/// <summary>
/// Runs <see cref="ChatWriter"/>'s batches in transactions: fast first (messages saved together at the end, on SQLite by
/// <see cref="ChatEntryInserter"/> and <see cref="ChatSequenceUpdater"/>), and when that fails, again in halves down to a write alone, which runs carefully.
/// </summary>
internal sealed class ChatBatchRunner(IChatDbFactory databases, TimeProvider time, ILogger logger)
{
    // The provider never changes; asking EF each batch costs a reflection call (the provider assembly's name).
    private bool? _sqlite;

    // SQLite: what the last batch of messages committed, so the next one need not read its sessions again.
    private readonly ChatSessionCache _kept = new(ChatWriter.KeptSessions);

    /// <summary>Runs a batch; returns the writes that were committed, in commit order, with their contexts.</summary>
    public async Task<List<(IQueuedChatWrite Work, ChatWriteContext Context)>> WriteAsync(List<IQueuedChatWrite> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(batch, fast: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Typically a resent message whose id is already stored (the unique index refuses the optimistic insert):
            // roll back and run the writes again in halves, so that one cannot fail the others.
            logger.LogDebug(ex, "A batch of {Count} chat writes was rolled back; writing them again in halves, a write alone carefully", batch.Count);
            if (_kept.RolledBack())
            {
                logger.LogWarning("Chat batches that used the sessions kept from the batch before were rolled back too often: another writer changes this SQLite file's chat sessions. Each batch reads its sessions again from now on.");
            }

            var done = new List<(IQueuedChatWrite Work, ChatWriteContext Context)>(batch.Count);
            await RetryAsync(batch, done, cancellationToken);
            return done;
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
        await using var db = databases.CreateForWriter();
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = new HashSet<Guid>();
        var sqlite = _sqlite ??= db.Database.IsSqlite();
        var sessions = fast ? batch.Where(w => w.Mode == ChatWriteMode.Batched && w.SessionId is not null).Select(w => w.SessionId!.Value).Distinct().Order().ToList() : [];
        if (sessions.Count > 0 && !sqlite)
        {
            // Several hosts' writers: take the batch's session rows in one statement, in key order (the index scan sorts
            // the ids), so two batches sharing sessions queue one behind the other instead of deadlocking — a deadlock
            // rolls a whole batch back into the slower re-run in halves.
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
                await SaveAsync(db, entries, shared, cancellationToken);
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

        await SaveAsync(db, entries, shared, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (keep)
        {
            _kept.Keep(shared.Sessions);
        }

        return done;
    }

    /// <summary>
    /// Runs the writes of a rolled-back batch again: in two halves, each a fast batch of its own, halved again while it
    /// fails, down to a write alone, which runs carefully (it checks the database instead of trusting the batch). One write
    /// that fails a batch of n, typically a resend of a message stored earlier, so costs about 2·log₂(n) commits instead of
    /// one commit per write, which kept every sender of a full batch waiting for hundreds of flushes. The order of the
    /// commits is the order of the writes.
    /// </summary>
    private async Task RetryAsync(List<IQueuedChatWrite> writes, List<(IQueuedChatWrite Work, ChatWriteContext Context)> done, CancellationToken cancellationToken)
    {
        var left = writes.Where(w => !w.IsFailed).ToList();
        if (left.Count == 0)
        {
            return;
        }

        if (left.Count == 1)
        {
            try
            {
                done.AddRange(await RunAsync(left, fast: false, cancellationToken));
            }
            catch (Exception single) when (single is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Its caller gets the exception and logs it (the hub as CHAT_STORAGE_FAILED, housekeeping as its own
                // failure): logging it here as well would report one fault twice.
                logger.LogDebug(single, "A chat write failed and was rolled back");
                left[0].Fail(single);
            }

            return;
        }

        foreach (var half in new[] { left[..(left.Count / 2)], left[(left.Count / 2)..] })
        {
            try
            {
                done.AddRange(await RunAsync(half, fast: true, cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Not counted against the kept sessions: the batch's first failure was, and the write that fails it again
                // (a resend) would count once for every halving.
                logger.LogDebug(ex, "{Count} chat writes of a rolled-back batch were rolled back again", half.Count);
                _kept.Clear();
                await RetryAsync(half, done, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Saves what the batch has so far: its entries first, in the order they were made, then (SQLite, fast) its sessions'
    /// new sequence numbers, then EF's changes.
    /// </summary>
    private static async Task SaveAsync(DbContext db, ChatEntryInserter? entries, ChatBatch shared, CancellationToken cancellationToken)
    {
        if (entries is not null)
        {
            await entries.FlushAsync(db, cancellationToken);
            await ChatSequenceUpdater.SaveAsync(db, shared.Sessions, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
