namespace ServicePro.Modules.Chat.Shell;

/// <summary>What a browser notification says: its title, its text, and the tag that keeps one notice per thing.</summary>
public sealed record ChatNotice(string Title, string Body, string Tag);
