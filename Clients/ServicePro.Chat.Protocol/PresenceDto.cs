namespace ServicePro.Chat.Protocol;

/// <summary>A rep's availability.</summary>
public sealed record PresenceDto(string UserName, PresenceStatus Status);
