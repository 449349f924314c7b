using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePro.Modules.Chat.Notifications;

namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// Tells everyone on this host what changed in presence, coalesced: changes gathered over
/// <see cref="ChatOptions.PresenceBatchInterval"/> (the latest per rep) go out as one <see cref="PresenceBatchEvent"/>.
/// Telling every connected rep of every change one by one made N connects cost N² messages (1,000 reps: ~500,000);
/// gathered, a connect storm costs one message per rep and interval, so presence traffic grows with the reps, not with
/// their square. The tracker itself changes at once (invitations check it); only the telling waits.
/// </summary>
public sealed partial class PresenceBroadcaster(IChatNotifier notifier, IOptions<ChatOptions> options, TimeProvider time, ILogger<PresenceBroadcaster> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PresenceDto> _pending = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Queues changes for the next batch; a rep changed twice meanwhile is told only her latest state.</summary>
    public void Post(IEnumerable<PresenceDto> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var first = false;
        lock (_gate)
        {
            foreach (var change in changes)
            {
                first |= _pending.Count == 0;
                _pending[change.UserName] = change;
            }
        }

        if (first)
        {
            // The first change of a batch starts its interval (the timer starts before Post returns); whatever else
            // changes meanwhile (a connect storm) joins the same batch.
            _ = FlushLaterAsync();
        }
    }

    /// <summary>Sends what is pending now as one batch (nothing if nothing is).</summary>
    /// <returns>How many changes the batch carried.</returns>
    public async Task<int> FlushAsync()
    {
        PresenceDto[] batch;
        lock (_gate)
        {
            batch = [.. _pending.Values];
            _pending.Clear();
        }

        if (batch.Length == 0)
        {
            return 0;
        }

        try
        {
            await notifier.ToEveryoneHereAsync(new PresenceBatchEvent(batch));
        }
        catch (Exception ex)
        {
            // Presence is a view: a rep who missed a batch sees the truth at her next GetPresence (reconnect, reload).
            LogTellFailed(logger, ex, batch.Length);
        }

        return batch.Length;
    }

    private async Task FlushLaterAsync()
    {
        if (options.Value.PresenceBatchInterval > TimeSpan.Zero)
        {
            await Task.Delay(options.Value.PresenceBatchInterval, time);
        }

        await FlushAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} presence changes could not be told on this host")]
    private static partial void LogTellFailed(ILogger logger, Exception exception, int count);
}
