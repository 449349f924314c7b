namespace ServicePro.Modules.Requests.Services;

/// <summary>
/// One Activity Stream entry as a given rep may see it. <see cref="Kind"/> is one of
/// <see cref="RequestsConstants.ActivityKinds"/>.
/// </summary>
public sealed record ActivityView(
    long Id,
    string Kind,
    DateTime At,
    string Actor,
    string? Text,
    string? OldValue,
    string? NewValue,
    ChatActivityView? Chat);
