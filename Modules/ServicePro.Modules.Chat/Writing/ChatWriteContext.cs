using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Domain;

namespace ServicePro.Modules.Chat.Writing;

/// <summary>
/// What one write sees: the batch's database context (inside its transaction), the time, the sessions it loads, and
/// what to do after the commit. Database calls use <see cref="CancellationToken"/> — the writer's own, never the
/// caller's: a queued write does not depend on its caller staying, because it shares a transaction with others.
/// </summary>
public sealed class ChatWriteContext
{
    private readonly List<Func<Task>> _afterCommit = [];
    private readonly List<Action> _committed = [];
    private readonly List<ChatSession> _loaded = [];

    private readonly HashSet<Guid> _locked;
    private readonly bool _sqlite;
    private readonly ChatEntryInserter? _entries;

    internal ChatWriteContext(ChatDbContext db, DateTimeOffset now, ChatBatch batch, bool careful, HashSet<Guid> locked, bool sqlite, CancellationToken cancellationToken, ChatEntryInserter? entries = null)
    {
        _locked = locked;
        _entries = entries;
        _sqlite = sqlite;
        Db = db;
        Now = now;
        Batch = batch;
        Careful = careful;
        CancellationToken = cancellationToken;
    }

    public ChatDbContext Db { get; }

    /// <summary>The write's time, in whole milliseconds: what is stored is exactly what is acknowledged.</summary>
    public DateTimeOffset Now { get; }

    public ChatBatch Batch { get; }

    /// <summary>True when the write runs alone after a failed batch: check the database, trust nothing cached.</summary>
    public bool Careful { get; }

    /// <summary>The writer's stopping token, for the write's database calls.</summary>
    public CancellationToken CancellationToken { get; }

    internal IReadOnlyList<Func<Task>> AfterCommitActions => _afterCommit;

    /// <summary>Runs once the batch is committed, in commit order (notifications, waking the outbox).</summary>
    public void AfterCommit(Func<Task> action) => _afterCommit.Add(action);

    internal IReadOnlyList<Action> CommittedActions => _committed;

    /// <summary>
    /// Runs on the writer right after the commit, before the caller's answer: for cheap, synchronous bookkeeping (counting
    /// what was stored). Notifications go through <see cref="AfterCommit"/>.
    /// </summary>
    public void OnCommitted(Action action) => _committed.Add(action);

    /// <summary>Adds a new session; its records are stored with the write.</summary>
    public void Add(ChatSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _loaded.Add(session);
    }

    /// <summary>
    /// A session with its attendees (from the batch when a batched write loaded it already), or a refusal. A careful
    /// write first locks the session's row, so that another host's writer cannot move its sequence on meanwhile.
    /// </summary>
    public async Task<ChatSession> SessionAsync(Guid sessionId)
    {
        if (!Careful && Batch.TryGetSession(sessionId, out var cached))
        {
            if (!_loaded.Contains(cached))
            {
                _loaded.Add(cached);
            }

            return cached;
        }

        // _locked: the rows this transaction holds already (the batch's up-front lock, or an earlier write's).
        if ((Careful || !_sqlite) && !_loaded.Any(s => s.Id == sessionId) && _locked.Add(sessionId))
        {
            // An UPDATE that changes nothing takes the row's write lock; what is read after it is the latest committed
            // state and stays so until the commit. On a server database every write takes it before it reads, so two
            // hosts' writers queue for a session instead of both inserting the same next sequence number and deadlocking
            // on each other's entries. SQLite's transaction holds the whole file already (the careful re-run keeps the
            // lock there too, as the one place that must not trust the batch).
            await Db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSequence, x => x.LastSequence), CancellationToken);
        }

        var record = await Db.Sessions.FindAsync([sessionId], CancellationToken)
            ?? throw new ChatException(ChatConstants.Errors.SessionNotFound, "There is no such session.");
        var attendees = await Db.Attendees.Where(a => a.SessionId == sessionId).ToListAsync(CancellationToken);
        var session = ChatSession.Load(record, attendees);
        _loaded.Add(session);
        Batch.Remember(session);
        return session;
    }

    /// <summary>A session that is still running, or a refusal.</summary>
    public async Task<ChatSession> LiveSessionAsync(Guid sessionId)
    {
        var session = await SessionAsync(sessionId);
        session.RequireLive();
        return session;
    }

    /// <summary>
    /// Hands the records the write's sessions created to the writer: new entries to the batch's
    /// <see cref="ChatEntryInserter"/> when it has one, everything else to the database context.
    /// </summary>
    internal void Track()
    {
        foreach (var session in _loaded)
        {
            foreach (var added in session.TakeAdded())
            {
                if (_entries is not null && added is ChatEntryRecord entry)
                {
                    _entries.Add(entry);
                }
                else
                {
                    Db.Add(added);
                }
            }
        }
    }
}
