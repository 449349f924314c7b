namespace ServicePro.Chat.Protocol;

/// <summary>Tells the other attendees that <paramref name="UserName"/> is typing in a session (nothing is stored).</summary>
public sealed record TypingNotice(Guid SessionId, string UserName);
