using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Contracts.Diagnostics;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Diagnostics;

/// <summary>
/// Chat's meter (<c>ServicePro.Chat</c>); every instrument is listed with its meaning and unit in README, Operations.
/// Counts of stored things are taken after the commit (<see cref="ChatWriteContext.OnCommitted"/>), so a rolled-back
/// batch re-run one write at a time counts each write once. Figures that need the database (live sessions, outbox
/// backlog) are sampled by <see cref="ChatMetricsSampler"/>.
/// </summary>
public sealed class ChatMetrics
{
    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly double[] OutboxBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _sessionsStarted;
    private readonly Counter<long> _messages;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commit;
    private readonly Histogram<double> _queueWait;
    private readonly Histogram<double> _notifyDelay;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _invitations;
    private readonly Histogram<double> _dispatch;
    private long _liveSessions;
    private long _outboxBacklog;

    public ChatMetrics(IMeterFactory meters, IServiceProvider services)
    {
        var meter = meters.Create(Name);
        _connections = meter.CreateUpDownCounter<long>("servicepro.chat.hub.connections", "{connection}", "Open chat hub connections on this host.");
        _sessionsStarted = meter.CreateCounter<long>("servicepro.chat.sessions.started", "{session}", "Chat sessions started.");
        _messages = meter.CreateCounter<long>("servicepro.chat.messages.stored", "{message}", "Messages stored (committed); rate() gives messages per second.");
        _batchSize = meter.CreateHistogram("servicepro.chat.write.batch.size", "{write}", "Writes that shared one transaction of the chat writer.", advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });
        _commit = meter.CreateHistogram("servicepro.chat.write.commit.duration", "s", "Time of one writer batch, from taking its writes to its commit.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        // The stages of a message's latency around the commit: waiting for the writer, and the commit-to-send delay of
        // its notification (the delivery), so a p99 can be split into queue, batch and notification.
        _queueWait = meter.CreateHistogram("servicepro.chat.write.queue.duration", "s", "Time a write waited in the writer's queue before its batch started.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _notifyDelay = meter.CreateHistogram("servicepro.chat.notify.delay", "s", "From a batch's commit to one of its notifications sent to the hub's clients.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _refusals = meter.CreateCounter<long>("servicepro.chat.refusals", "{refusal}", "Hub calls refused with a chat error code (tag error.code), e.g. CHAT_BUSY.");
        _invitations = meter.CreateCounter<long>("servicepro.chat.invitations", "{invitation}", "Invitations by outcome: sent, accepted, declined, expired, cancelled.");
        _dispatch = meter.CreateHistogram("servicepro.chat.outbox.dispatch.duration", "s", "From a session's end (its outbox row) to its chat-ended event handled.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = OutboxBuckets });

        meter.CreateObservableGauge("servicepro.chat.reps", () => RepsByPresence(services.GetService<PresenceTracker>()), "{rep}", "Reps connected on any host, by presence (Available, Busy, Away).");
        meter.CreateObservableGauge("servicepro.chat.sessions.live", () => Interlocked.Read(ref _liveSessions), "{session}", "Sessions not yet ended (sampled from the database).");
        meter.CreateObservableGauge("servicepro.chat.write.queue.depth", () => services.GetService<ChatWriter>()?.QueueDepth ?? 0, "{write}", "Writes waiting for the chat writer on this host.");
        meter.CreateObservableGauge("servicepro.chat.outbox.backlog", () => Interlocked.Read(ref _outboxBacklog), "{event}", "Chat-ended events waiting in the outbox (sampled from the database).");
    }

    /// <summary>The meter's and activity source's name.</summary>
    public static string Name { get; } = ServiceProTelemetry.NameFor(ChatConstants.ModuleId);

    public void HubConnected() => _connections.Add(1);

    public void HubDisconnected() => _connections.Add(-1);

    public void Refused(string code) => _refusals.Add(1, new KeyValuePair<string, object?>("error.code", code));

    public void SessionStarted(ChatWriteContext w) => AfterCommit(w, () => _sessionsStarted.Add(1));

    public void MessageStored(ChatWriteContext w) => AfterCommit(w, () => _messages.Add(1));

    public void Invitations(ChatWriteContext w, string outcome, int count = 1) =>
        AfterCommit(w, () => _invitations.Add(count, new KeyValuePair<string, object?>("outcome", outcome)));

    public void BatchWritten(int writes, TimeSpan duration)
    {
        _batchSize.Record(writes);
        _commit.Record(duration.TotalSeconds);
    }

    /// <param name="waits">How long each write of a batch waited in the queue before the batch began.</param>
    public void QueueWaited(IEnumerable<TimeSpan> waits)
    {
        ArgumentNullException.ThrowIfNull(waits);
        foreach (var wait in waits)
        {
            _queueWait.Record(wait.TotalSeconds);
        }
    }

    /// <summary>The notification <paramref name="notify"/>, recording its delay from the commit (a <see cref="Stopwatch"/> timestamp) once sent.</summary>
    public Func<Task> Timed(Func<Task> notify, long committed) => async () =>
    {
        await notify();
        _notifyDelay.Record(Stopwatch.GetElapsedTime(committed).TotalSeconds);
    };

    public void OutboxDispatched(TimeSpan sinceEnded) => _dispatch.Record(Math.Max(0, sinceEnded.TotalSeconds));

    internal void Sampled(long liveSessions, long outboxBacklog)
    {
        Interlocked.Exchange(ref _liveSessions, liveSessions);
        Interlocked.Exchange(ref _outboxBacklog, outboxBacklog);
    }

    // On the writer, right after the commit: a count is no notification (no channel item, no chat.notify span).
    private static void AfterCommit(ChatWriteContext w, Action record) => w.OnCommitted(record);

    private static IEnumerable<Measurement<long>> RepsByPresence(PresenceTracker? presence)
    {
        var online = presence?.Online() ?? [];
        return new[] { PresenceStatus.Available, PresenceStatus.Busy, PresenceStatus.Away }.Select(status => new Measurement<long>(
            online.Count(p => p.Status == status),
            new KeyValuePair<string, object?>("presence", status.ToString())));
    }
}
