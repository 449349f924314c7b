using ServicePro.Contracts.Extensibility;

namespace ServicePro.Host.Shell;

/// <summary>
/// The size of one message from a page to its circuit. Blazor's default (32 KB) dropped the connection on a
/// 10,000-character Cyrillic note and lost it silently.
/// </summary>
public static class CircuitLimits
{
    /// <summary>
    /// Bytes per character of a text box's value in the worst case, as measured: a change event carries the value
    /// twice, and JSON writes a control character as <c>\u00XX</c> (6 bytes; CJK takes 3, emoji 2 per UTF-16 unit).
    /// </summary>
    public const int WorstCaseBytesPerCharacter = 12;

    /// <summary>The event's other fields and the protocol's envelope.</summary>
    public const int Envelope = 16 * 1024;

    /// <summary>Room for the longest text box, full of the costliest characters (about 250 KB).</summary>
    public const long MaximumReceiveMessageSize = (long)ShellLimits.MaxInputLength * WorstCaseBytesPerCharacter + Envelope;
}
