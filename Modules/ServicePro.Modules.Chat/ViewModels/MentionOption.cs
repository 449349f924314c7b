namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>One name in the <c>@</c> suggestion list: the user name inserted and the display name shown.</summary>
public sealed record MentionOption(string UserName, string DisplayName);
