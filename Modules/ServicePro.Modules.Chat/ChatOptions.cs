namespace ServicePro.Modules.Chat;

/// <summary>The module's settings, from <c>Modules:chat</c>.</summary>
public sealed class ChatOptions
{
    /// <summary>How long an invitation stays pending before it expires.</summary>
    public TimeSpan InvitationExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an originator with no connection left may stay away before their sessions end.</summary>
    public TimeSpan OriginatorGracePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Keep Off the Record messages after the session ends (for audit); by default they are deleted.</summary>
    public bool RetainOffTheRecord { get; set; }

    /// <summary>How often expired invitations and absent originators are looked for.</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most writes waiting for the writer; one more is refused at once with <c>CHAT_BUSY</c>.</summary>
    public int MaxQueuedWrites { get; set; } = 10_000;

    /// <summary>
    /// The longest the oldest waiting write may have waited: past it, with 64 or more writes waiting, one more is refused
    /// at once with <c>CHAT_BUSY</c> (a queue of fewer than 64 writes is always taken).
    /// </summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The most writes committed together in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>The first wait before a failed dispatch is retried; it doubles up to a minute.</summary>
    public TimeSpan OutboxRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Several hosts: how long a host may stay silent before the others take it for dead and its reps go Offline
    /// (unless connected elsewhere). Keep it a few heartbeats long.
    /// </summary>
    public TimeSpan PresenceHostTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long presence changes are gathered before everyone on the host is told them in one batch (the latest per rep):
    /// it keeps a connect storm's traffic linear in the reps. Zero tells each change at once (still as a batch).
    /// </summary>
    public TimeSpan PresenceBatchInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Several hosts: how often each host says it lives (and how often silent hosts are looked for).</summary>
    public TimeSpan PresenceHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the host that does housekeeping and outbox dispatch for all hosts keeps that job without renewing it
    /// (it renews once half of it has run, so at least every half of this); when it dies, another host takes over
    /// after this long.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the outbox is read while this host dispatches for all: other hosts' commits do not wake this one.
    /// </summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Files in a chat (<c>Modules:chat:Attachments</c>): size limit, refused types.</summary>
    public Attachments.ChatAttachmentOptions Attachments { get; set; } = new();
}
