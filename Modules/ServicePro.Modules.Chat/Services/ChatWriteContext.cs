using ServicePro.Modules.Chat.Data;

namespace ServicePro.Modules.Chat.Services;

/// <summary>What one write sees: the batch's context (inside its transaction), the time, and what to do after commit.</summary>
public sealed class ChatWriteContext(ChatDbContext db, DateTimeOffset now, IDictionary<object, object> batchState, bool careful)
{
    private readonly List<Func<Task>> _afterCommit = [];

    public ChatDbContext Db { get; } = db;

    public DateTimeOffset Now { get; } = now;

    /// <summary>What deferrable writes of one batch share (cleared whenever a write that is saved alone runs).</summary>
    public IDictionary<object, object> BatchState { get; } = batchState;

    /// <summary>True when the write runs alone after a failed batch: check the database, trust nothing cached.</summary>
    public bool Careful { get; } = careful;

    internal IReadOnlyList<Func<Task>> AfterCommitActions => _afterCommit;

    /// <summary>Runs once the batch is committed, in commit order (events to clients, waking the outbox).</summary>
    public void AfterCommit(Func<Task> action) => _afterCommit.Add(action);
}
