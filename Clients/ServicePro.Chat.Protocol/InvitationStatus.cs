namespace ServicePro.Chat.Protocol;

/// <summary>Where an invitation stands: pending until the invitee answers, it expires, or its session ends.</summary>
public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
    Cancelled,
}
