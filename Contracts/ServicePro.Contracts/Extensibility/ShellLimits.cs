namespace ServicePro.Contracts.Extensibility;

/// <summary>
/// How much text a shell page sends to the server in one event. Characters are UTF-16 code units, as
/// <see cref="string.Length"/>, the browser's <c>maxlength</c> and database column sizes count them: an emoji is two.
/// The host sizes the page's connection for <see cref="MaxInputLength"/>, so no text box within these bounds can
/// break it.
/// </summary>
public static class ShellLimits
{
    /// <summary>The longest text a module's field may accept. A module's documented limits stay within it.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>What the longest text box takes (see <see cref="InputMaxLength"/>).</summary>
    public const int MaxInputLength = 2 * MaxTextLength;

    /// <summary>
    /// A text box's <c>maxlength</c> for a field whose limit is <paramref name="limit"/>: twice the limit, so that text
    /// over the limit still reaches the server and gets its clear message, while the box never sends more than the
    /// page's connection carries.
    /// </summary>
    public static int InputMaxLength(int limit) => 2 * Math.Min(limit, MaxTextLength);
}
