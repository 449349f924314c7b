using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ServicePro.Modules.Chat.Writing;

/// <summary>
/// What <see cref="ChatWriter"/> tells clients after each commit, sent in commit order on a loop of its own: a slow client
/// then delays only the notifications behind it, never the writer's next batch. A notification that fails is logged and
/// the loop goes on.
/// </summary>
internal sealed class ChatNotificationLoop(ILogger logger)
{
    private readonly Channel<Func<Task>> _notifications = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });

    public void Post(Func<Task> notify) => _notifications.Writer.TryWrite(notify);

    /// <summary>No more notifications: <see cref="RunAsync"/> ends once it has sent those already posted.</summary>
    public void Complete() => _notifications.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
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
}
