namespace ServicePro.Chat.Protocol;

/// <summary>
/// A message to send. <paramref name="ClientMessageId"/> is the sender's own id: sending it again returns the first
/// result. <paramref name="OffTheRecordWith"/> names the one other attendee of an Off the Record message.
/// </summary>
public sealed record SendMessageRequest(Guid SessionId, Guid ClientMessageId, string Text, string? OffTheRecordWith = null);
