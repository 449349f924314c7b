namespace ServicePro.Modules.Chat.Data;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
    Cancelled,
}
