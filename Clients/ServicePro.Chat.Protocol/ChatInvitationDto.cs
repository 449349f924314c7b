namespace ServicePro.Chat.Protocol;

/// <summary>An invitation: who invites whom, to which session and request, until when.</summary>
public sealed record ChatInvitationDto(
    Guid InvitationId,
    Guid SessionId,
    string Invitee,
    string InvitedBy,
    int? RequestNumber,
    string? RequestTitle,
    DateTimeOffset ExpiresAt,
    InvitationStatus Status);
