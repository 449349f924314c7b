using System.Globalization;

namespace ServicePro.Modules.Requests.Services;

/// <summary>Formats a chat's length as the Activity Stream shows it.</summary>
public static class Duration
{
    /// <summary>h:mm:ss, hours not capped at 24 (<c>0:05:07</c>, <c>26:00:00</c>).</summary>
    public static string Format(TimeSpan length)
    {
        if (length < TimeSpan.Zero)
        {
            length = TimeSpan.Zero;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(long)length.TotalHours}:{length.Minutes:00}:{length.Seconds:00}");
    }
}
