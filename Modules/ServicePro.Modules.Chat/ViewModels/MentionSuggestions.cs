using System.Globalization;

namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>
/// The <c>@</c> suggestion list of the text entry: while the draft ends with <c>@</c> and a partly typed name, the
/// session's other attendees whose user name starts with it or whose display name contains it (any
/// case, any script); arrows move the active one, Enter or Tab chooses it (its <c>@username</c> replaces what was typed),
/// Escape closes the list until she types another <c>@</c>.
/// </summary>
public sealed class MentionSuggestions(Func<string, string> displayName)
{
    /// <summary>The most names listed at once.</summary>
    public const int MaxShown = 8;

    private static readonly CompareInfo s_compare = CultureInfo.InvariantCulture.CompareInfo;
    private int _dismissedAt = -1;

    /// <summary>The names offered, in order; empty when the list is closed.</summary>
    public IReadOnlyList<MentionOption> Options { get; private set; } = [];

    public bool IsOpen => Options.Count > 0;

    /// <summary>The option Enter or Tab would choose.</summary>
    public int ActiveIndex { get; private set; }

    public MentionOption? Active => IsOpen ? Options[ActiveIndex] : null;

    /// <summary>Where the <c>@</c> being completed is in the draft, or -1.</summary>
    public int TokenStart { get; private set; } = -1;

    /// <summary>Reads the draft after each keystroke and opens, filters or closes the list.</summary>
    public void Update(string draft, IEnumerable<string> attendees, string currentUser)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var start = FindToken(draft);
        var previous = Active?.UserName;
        TokenStart = start;
        if (start < 0 || start == _dismissedAt)
        {
            if (start != _dismissedAt)
            {
                _dismissedAt = -1;
            }

            Options = [];
            return;
        }

        _dismissedAt = -1;
        var query = draft[(start + 1)..];
        Options = [.. attendees
            .Where(a => !string.Equals(a, currentUser, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(a => new MentionOption(a, displayName(a)))
            .Where(o => Matches(o, query))
            .OrderBy(o => o.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Take(MaxShown)];
        var kept = Options.ToList().FindIndex(o => string.Equals(o.UserName, previous, StringComparison.OrdinalIgnoreCase));
        ActiveIndex = kept >= 0 ? kept : 0;
    }

    public void MoveNext() => ActiveIndex = IsOpen ? (ActiveIndex + 1) % Options.Count : 0;

    public void MovePrevious() => ActiveIndex = IsOpen ? (ActiveIndex + Options.Count - 1) % Options.Count : 0;

    /// <summary>Escape: closes the list; it stays closed for this <c>@</c>.</summary>
    public void Dismiss()
    {
        _dismissedAt = TokenStart;
        Options = [];
    }

    /// <summary>The draft with the typed <c>@…</c> replaced by <c>@username </c>; the list closes.</summary>
    public string Choose(string draft, MentionOption option)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(option);
        var start = TokenStart >= 0 && TokenStart < draft.Length ? TokenStart : draft.Length;
        Options = [];
        TokenStart = -1;
        return string.Concat(draft.AsSpan(0, start), "@", option.UserName, " ");
    }

    /// <summary>The <c>@</c> that starts the last word of the draft, when that word is a name being typed.</summary>
    private static int FindToken(string draft)
    {
        var at = draft.LastIndexOf('@');
        if (at < 0 || (at > 0 && !char.IsWhiteSpace(draft[at - 1]) && !char.IsPunctuation(draft[at - 1])) || draft.Length - at > 64)
        {
            return -1;
        }

        for (var i = at + 1; i < draft.Length; i++)
        {
            if (char.IsWhiteSpace(draft[i]))
            {
                return -1;
            }
        }

        return at;
    }

    private static bool Matches(MentionOption option, string query)
    {
        if (query.Length == 0 || option.UserName.StartsWith(query, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Anywhere in the display name: "Петрова" in "Ольга Петрова", "小明" in "王小明" (CJK names have no spaces).
        return s_compare.IndexOf(option.DisplayName, query, CompareOptions.IgnoreCase) >= 0;
    }
}
