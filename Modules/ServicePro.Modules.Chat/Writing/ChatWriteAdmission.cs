namespace ServicePro.Modules.Chat.Writing;

/// <summary>
/// Whether the writer's queue takes one more write. It is full, and the write is refused with <c>CHAT_BUSY</c>, when the
/// writes already waiting would take longer than <see cref="ChatOptions.MaxQueueWait"/> to store at the pace of the
/// recent batches (and, as a hard limit, at <see cref="ChatOptions.MaxQueuedWrites"/>, which the bounded channel holds).
/// Full is measured in time because that is what a sender waits: the same count of writes is a short wait on a fast disk
/// and a long one on a slow disk. A short queue (fewer than <see cref="AlwaysTaken"/>) is always taken, so a single slow
/// commit (a disk stalling under other load) refuses nobody; only a backlog does.
/// </summary>
/// <remarks>One writer loop reports batches; any thread asks. The pace is a double read and written whole.</remarks>
internal sealed class ChatWriteAdmission(ChatOptions options, TimeProvider time)
{
    /// <summary>Writes that may always wait, whatever the recent pace.</summary>
    public const int AlwaysTaken = 64;

    // Seconds per write, averaged over the recent batches (each new batch weighs a fifth).
    private double _secondsPerWrite;

    /// <summary>A timestamp of the writer's clock, for <see cref="BatchWritten"/>.</summary>
    public long Now() => time.GetTimestamp();

    /// <summary>A batch of <paramref name="writes"/> writes, started at <paramref name="started"/>, is committed.</summary>
    public void BatchWritten(int writes, long started)
    {
        if (writes <= 0)
        {
            return;
        }

        var sample = time.GetElapsedTime(started).TotalSeconds / writes;
        var last = Volatile.Read(ref _secondsPerWrite);
        Volatile.Write(ref _secondsPerWrite, last == 0 ? sample : (last * 0.8) + (sample * 0.2));
    }

    /// <summary>How long <paramref name="waiting"/> queued writes take to store at the recent pace.</summary>
    public TimeSpan EstimatedWait(int waiting) => TimeSpan.FromSeconds(waiting * Volatile.Read(ref _secondsPerWrite));

    /// <summary>Whether a write that would queue behind <paramref name="waiting"/> others is refused.</summary>
    public bool IsFull(int waiting) => waiting >= AlwaysTaken && EstimatedWait(waiting) > options.MaxQueueWait;
}
