namespace ServicePro.Modules.Chat.Writing;

/// <summary>
/// Whether the writer's queue takes one more write. It is full, and the write is refused with <c>CHAT_BUSY</c>, when the
/// oldest write waiting has already waited longer than <see cref="ChatOptions.MaxQueueWait"/> (and, as a hard limit, at
/// <see cref="ChatOptions.MaxQueuedWrites"/>, which the bounded channel holds). Full is measured in time because that is
/// what a sender waits, and it is the wait the queue has really had, not a forecast: a burst after a quiet spell is taken
/// whole (one batch stores it), however many writes it holds. A short queue (fewer than <see cref="AlwaysTaken"/>) is
/// always taken, so one slow commit (a disk stalling under other load) refuses nobody; only a backlog does.
/// </summary>
internal sealed class ChatWriteAdmission(ChatOptions options, TimeProvider time)
{
    /// <summary>Writes that may always wait, however long the oldest of them has.</summary>
    public const int AlwaysTaken = 64;

    /// <summary>
    /// Whether a write that would queue behind <paramref name="waiting"/> others, the oldest of them queued at
    /// <paramref name="oldestQueued"/> (a timestamp of the writer's <see cref="TimeProvider"/>), is refused.
    /// </summary>
    public bool IsFull(int waiting, long oldestQueued) => waiting >= AlwaysTaken && time.GetElapsedTime(oldestQueued) > options.MaxQueueWait;
}
