namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>
/// Whether a message mentions someone: <c>@</c> and her user name, in any case, as a word of its own. The <c>@</c>
/// starts the text or follows a character that is not a letter or digit (so <c>bob@example.com</c> is not a mention of
/// example), and the name is not followed by another name character (<c>@bobby</c> is not <c>@bob</c>; <c>@bob.</c>,
/// <c>@bob,</c> and <c>@bob🎉</c> are). Display names are for reading only: the suggestion list inserts the user name.
/// </summary>
public static class ChatMentions
{
    public static bool Mentions(string text, string userName)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(userName))
        {
            return false;
        }

        var token = "@" + userName;
        for (var at = text.IndexOf(token, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(token, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            if (startsWord && EndsName(text, at + token.Length))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Characters a user name may hold besides letters and digits (ASP.NET Core Identity's default set, less <c>@</c> and <c>+</c>).</summary>
    internal static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

    private static bool EndsName(string text, int end)
    {
        if (end == text.Length)
        {
            return true;
        }

        // A full stop ends a sentence unless a name goes on after it ("@bob." versus "@bob.smith").
        return text[end] == '.' ? end + 1 == text.Length || !IsNameCharacter(text[end + 1]) : !IsNameCharacter(text[end]);
    }
}
