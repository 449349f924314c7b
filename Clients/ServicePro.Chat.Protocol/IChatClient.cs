namespace ServicePro.Chat.Protocol;

/// <summary>The events the chat hub sends; each method name is the event name (see <see cref="ChatProtocol.Events"/>).</summary>
public interface IChatClient
{
    /// <summary>A join, leave, message or system note was added to a session the rep is in.</summary>
    Task EntryAdded(ChatEntryDto entry);

    /// <summary>Another attendee selected Off the Record with this rep.</summary>
    Task OffTheRecordSelected(OffTheRecordNotice notice);

    /// <summary>The rep was invited to a session.</summary>
    Task InvitationReceived(ChatInvitationDto invitation);

    /// <summary>An invitation was accepted, declined, expired or cancelled (to the invitee and whoever invited).</summary>
    Task InvitationClosed(ChatInvitationDto invitation);

    /// <summary>The originator paused, resumed or set Chat Time.</summary>
    Task ChatTimeChanged(ChatTimeDto chatTime);

    /// <summary>A session the rep is in has ended.</summary>
    Task SessionEnded(SessionEndedDto ended);

    /// <summary>A rep's availability changed (no longer sent by the hub, which sends <see cref="PresenceBatch"/>; kept for receivers in process).</summary>
    Task PresenceChanged(PresenceDto presence);

    /// <summary>
    /// Reps' availability changed: the changes of the last moment (about half a second), the latest per rep, to everyone
    /// connected. One message per batch instead of one per change keeps presence traffic linear in the reps.
    /// </summary>
    Task PresenceBatch(IReadOnlyList<PresenceDto> changes);

    /// <summary>Another attendee is typing (sent at most every couple of seconds while they type).</summary>
    Task UserTyping(TypingNotice typing);
}
