using System.Text.Json.Serialization;

namespace ServicePro.Modules.Chat.Notifications;

/// <summary>
/// Something reps are told, as data: one record per event of <see cref="IChatClient"/>. Being plain records, events can
/// be carried to other hosts (a backplane) as they are, as JSON with a <c>type</c> discriminator;
/// <see cref="DeliverAsync"/> hands one to a receiver.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(EntryAddedEvent), "entryAdded")]
[JsonDerivedType(typeof(OffTheRecordSelectedEvent), "offTheRecordSelected")]
[JsonDerivedType(typeof(InvitationReceivedEvent), "invitationReceived")]
[JsonDerivedType(typeof(InvitationClosedEvent), "invitationClosed")]
[JsonDerivedType(typeof(ChatTimeChangedEvent), "chatTimeChanged")]
[JsonDerivedType(typeof(SessionEndedEvent), "sessionEnded")]
[JsonDerivedType(typeof(PresenceChangedEvent), "presenceChanged")]
[JsonDerivedType(typeof(UserTypingEvent), "userTyping")]
[JsonDerivedType(typeof(PresenceBatchEvent), "presenceBatch")]
public abstract record ChatEvent
{
    /// <summary>Calls the receiver's method for this event (a hub proxy, or a shell's in-process subscriber).</summary>
    public abstract Task DeliverAsync(IChatClient receiver);
}

public sealed record EntryAddedEvent(ChatEntryDto Entry) : ChatEvent
{
    public override Task DeliverAsync(IChatClient receiver) => receiver.EntryAdded(Entry);
}

public sealed record OffTheRecordSelectedEvent(OffTheRecordNotice Notice) : ChatEvent
{
    public override Task DeliverAsync(IChatClient receiver) => receiver.OffTheRecordSelected(Notice);
}

public sealed record InvitationReceivedEvent(ChatInvitationDto Invitation) : ChatEvent
{
    public override Task DeliverAsync(IChatClient receiver) => receiver.InvitationReceived(Invitation);
}

public sealed record InvitationClosedEvent(ChatInvitationDto Invitation) : ChatEvent
{
    public override Task DeliverAsync(IChatClient receiver) => receiver.InvitationClosed(Invitation);
}

public sealed record ChatTimeChangedEvent(ChatTimeDto ChatTime) : ChatEvent
{
    public override Task DeliverAsync(IChatClient receiver) => receiver.ChatTimeChanged(ChatTime);
}

public sealed record SessionEndedEvent(SessionEndedDto Ended) : ChatEvent
{
    public override Task DeliverAsync(IChatClient receiver) => receiver.SessionEnded(Ended);
}

public sealed record PresenceChangedEvent(PresenceDto Presence) : ChatEvent
{
    public override Task DeliverAsync(IChatClient receiver) => receiver.PresenceChanged(Presence);
}

/// <summary>Presence changes gathered over a moment, the latest per rep (see <c>PresenceBroadcaster</c>).</summary>
public sealed record PresenceBatchEvent(IReadOnlyList<PresenceDto> Changes) : ChatEvent
{
    public override Task DeliverAsync(IChatClient receiver) => receiver.PresenceBatch(Changes);
}

public sealed record UserTypingEvent(TypingNotice Typing) : ChatEvent
{
    public override Task DeliverAsync(IChatClient receiver) => receiver.UserTyping(Typing);
}
