using System.Globalization;

namespace ServicePro.Modules.Chat.Components;

/// <summary>How chat values read on screen.</summary>
public static class ChatFormat
{
    /// <summary>A length as h:mm:ss (Chat Time, a session's length).</summary>
    public static string Length(TimeSpan value) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours:00}:{value.Minutes:00}:{value.Seconds:00}");

    public static string Status(PresenceStatus status) => status.ToString();

    /// <summary>Fluent's presence badge for a rep's availability (the chat's four states; Offline shows Fluent's offline ring).</summary>
    public static Microsoft.FluentUI.AspNetCore.Components.PresenceStatus Presence(PresenceStatus status) => status switch
    {
        PresenceStatus.Available => Microsoft.FluentUI.AspNetCore.Components.PresenceStatus.Available,
        PresenceStatus.Busy => Microsoft.FluentUI.AspNetCore.Components.PresenceStatus.Busy,
        PresenceStatus.Away => Microsoft.FluentUI.AspNetCore.Components.PresenceStatus.Away,
        _ => Microsoft.FluentUI.AspNetCore.Components.PresenceStatus.Offline,
    };

    public static string Initials(string userName) =>
        string.IsNullOrEmpty(userName) ? "?" : userName[..Math.Min(2, userName.Length)].ToUpperInvariant();

    /// <summary>The <c>data-kind</c> of a dialog entry: message, joined, left or system.</summary>
    public static string Kind(TranscriptLineKind kind) => kind.ToString().ToLowerInvariant();

    public static string Time(DateTimeOffset time) => time.ToLocalTime().ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
