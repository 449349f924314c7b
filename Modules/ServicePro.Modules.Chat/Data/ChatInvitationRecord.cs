namespace ServicePro.Modules.Chat.Data;

/// <summary>An invitation to a session.</summary>
public sealed class ChatInvitationRecord
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public required string Invitee { get; set; }

    public required string InvitedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public InvitationStatus Status { get; set; }
}
