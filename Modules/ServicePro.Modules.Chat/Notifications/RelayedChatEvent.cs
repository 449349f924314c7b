namespace ServicePro.Modules.Chat.Notifications;

/// <summary>A chat event carried to another host for the shells of <see cref="Users"/> there (<c>null</c>: every shell).</summary>
public sealed record RelayedChatEvent(IReadOnlyList<string>? Users, ChatEvent Event);
