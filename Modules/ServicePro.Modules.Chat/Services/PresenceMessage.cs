namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// What hosts tell each other about presence, on <c>chat:presence</c>. Each host numbers its changes
/// (<see cref="Sequence"/>); a heartbeat carries the last number, so a host that missed one asks for a snapshot.
/// </summary>
/// <param name="Kind">One of the constants below.</param>
/// <param name="Host">The sender's host id.</param>
/// <param name="Sequence">The sender's last change number (a change carries its own).</param>
/// <param name="Reps">Changes and snapshots: the reps concerned, as the sender sees them.</param>
/// <param name="Target">A hello asking one host for its snapshot; <c>null</c>: every host.</param>
public sealed record PresenceMessage(string Kind, string Host, long Sequence, IReadOnlyList<RepPresence>? Reps = null, string? Target = null)
{
    /// <summary>A host that starts (or missed something) asks for snapshots.</summary>
    public const string Hello = "hello";

    /// <summary>Every rep connected on the sender, and every status it knows a rep chose.</summary>
    public const string Snapshot = "snapshot";

    /// <summary>One rep's state on the sender changed.</summary>
    public const string Change = "change";

    /// <summary>The sender lives; a host not heard for <c>PresenceHostTimeout</c> is taken for dead.</summary>
    public const string Heartbeat = "heartbeat";

    /// <summary>The sender stops: its reps are gone from it at once.</summary>
    public const string Bye = "bye";
}
