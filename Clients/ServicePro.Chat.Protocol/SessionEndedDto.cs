namespace ServicePro.Chat.Protocol;

/// <summary>A session ended: its length (the final Chat Time) and why.</summary>
public sealed record SessionEndedDto(Guid SessionId, DateTimeOffset EndedAt, TimeSpan Length, string Reason);
