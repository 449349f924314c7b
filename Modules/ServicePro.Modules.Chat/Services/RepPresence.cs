namespace ServicePro.Modules.Chat.Services;

/// <summary>One rep as a host reports it: connected there or not, and the status the rep chose last (and when).</summary>
public sealed record RepPresence(string User, bool Connected, PresenceStatus Chosen, DateTimeOffset ChosenAt);
