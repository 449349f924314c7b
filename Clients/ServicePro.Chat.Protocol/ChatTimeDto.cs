namespace ServicePro.Chat.Protocol;

/// <summary>Chat Time: <paramref name="Value"/> at <paramref name="AsOf"/>; while running, it grows with the clock.</summary>
public sealed record ChatTimeDto(Guid SessionId, TimeSpan Value, bool IsRunning, DateTimeOffset AsOf);
