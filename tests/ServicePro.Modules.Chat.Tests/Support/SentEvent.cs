namespace ServicePro.Modules.Chat.Tests.Support;

public sealed record SentEvent(string Name, IReadOnlyList<string> Recipients, object Payload);
