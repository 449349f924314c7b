namespace ServicePro.Chat.Protocol;

/// <summary>Tells a rep that <paramref name="From"/> selected Off the Record with them.</summary>
public sealed record OffTheRecordNotice(Guid SessionId, string From, long Sequence);
