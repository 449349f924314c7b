namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>A file the rep picked, dropped or pasted: its name, announced size and a way to read it.</summary>
public sealed record ChatFileToSend(string Name, long Size, Func<Stream> Open);
