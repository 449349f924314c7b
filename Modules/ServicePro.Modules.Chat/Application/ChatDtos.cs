using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Domain;

namespace ServicePro.Modules.Chat.Application;

/// <summary>Records and sessions as the API returns them.</summary>
internal static class ChatDtos
{
    public static ChatEntryDto Entry(ChatEntryRecord e) =>
        new(e.SessionId, e.Sequence, e.Kind, e.Author, e.Text, e.Time, e.ClientMessageId, e.OffTheRecordWith);

    public static ChatInvitationDto Invitation(ChatInvitationRecord i, ChatSessionRecord s) =>
        new(i.Id, i.SessionId, i.Invitee, i.InvitedBy, s.RequestNumber, s.RequestTitle, i.ExpiresAt, i.Status);

    public static ChatSessionDto Session(ChatSession s, DateTimeOffset now) =>
        new(s.Id, s.Record.RequestNumber, s.Record.RequestTitle, s.Originator, s.CurrentAttendees,
            s.Record.StartedAt, s.Record.EndedAt, s.ChatTimeDto(now), s.Record.LastSequence);
}
