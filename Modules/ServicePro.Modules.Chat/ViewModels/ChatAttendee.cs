namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>An avatar in the chat window's Connections area.</summary>
public sealed record ChatAttendee(string UserName, PresenceStatus Status);
