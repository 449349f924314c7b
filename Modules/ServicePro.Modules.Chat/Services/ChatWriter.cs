using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePro.Modules.Chat.Hubs;

namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// The one writer of chat data. Writes queue up in a channel; the loop takes whatever has arrived (up to
/// <see cref="ChatOptions.MaxBatchSize"/>) and runs it in one transaction, so under load many messages share one
/// commit. A caller's task completes only after the commit (that is the acknowledgement); a refused write
/// (<see cref="ChatHubException"/>) is undone alone; a failed commit fails the whole batch and stores none of it.
/// After each commit the batch's notifications are sent in commit order, on a loop of their own.
/// </summary>
public sealed class ChatWriter(IChatDbFactory databases, TimeProvider time, IOptions<ChatOptions> options, ILogger<ChatWriter> logger) : BackgroundService
{
    private readonly Channel<IWork> _writes = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<Func<Task>> _notifications = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });

    private interface IWork
    {
        Task RunAsync(ChatWriteContext context);

        void Complete();

        void Fail(Exception exception);
    }

    public async Task<T> ExecuteAsync<T>(Func<ChatWriteContext, Task<T>> write, CancellationToken cancellationToken = default)
    {
        var work = new Work<T>(write);
        await _writes.Writer.WriteAsync(work, cancellationToken);
        return await work.Result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var notifying = NotifyAsync(stoppingToken);
        var batch = new List<IWork>();
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
            _writes.Writer.TryComplete();
            while (_writes.Reader.TryRead(out var left))
            {
                left.Fail(new OperationCanceledException("The chat service is stopping."));
            }

            _notifications.Writer.TryComplete();
            await notifying;
        }
    }

    private async Task WriteBatchAsync(List<IWork> batch, CancellationToken cancellationToken)
    {
        var done = new List<(IWork Work, ChatWriteContext Context)>(batch.Count);
        try
        {
            await using var db = databases.Create();
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var work in batch)
            {
                // Whole milliseconds: what is stored is exactly what was acknowledged.
                var now = time.GetUtcNow();
                var context = new ChatWriteContext(db, now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)));
                try
                {
                    await work.RunAsync(context);
                    await db.SaveChangesAsync(cancellationToken);
                    done.Add((work, context));
                }
                catch (ChatHubException ex)
                {
                    // A refused write changed nothing that was saved; forget what it tracked and go on with the batch.
                    db.ChangeTracker.Clear();
                    work.Fail(ex);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A batch of {Count} chat writes failed and was rolled back", batch.Count);
            foreach (var work in batch)
            {
                work.Fail(ex);
            }

            return;
        }

        foreach (var (work, context) in done)
        {
            work.Complete();
            foreach (var action in context.AfterCommitActions)
            {
                _notifications.Writer.TryWrite(action);
            }
        }
    }

    private async Task NotifyAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var notify in _notifications.Reader.ReadAllAsync(CancellationToken.None))
            {
                try
                {
                    await notify();
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "A chat notification could not be sent");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private sealed class Work<T>(Func<ChatWriteContext, Task<T>> write) : IWork
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _value = default!;

        public Task<T> Result => _result.Task;

        public async Task RunAsync(ChatWriteContext context) => _value = await write(context);

        public void Complete() => _result.TrySetResult(_value);

        public void Fail(Exception exception) => _result.TrySetException(exception);
    }
}
