using System.Text;

namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>
/// Puts text a rep typed into Markdown so that every viewer shows it as typed: never as HTML (a viewer that renders
/// <c>&lt;img onerror=…&gt;</c> runs it), a link (<c>[x](javascript:…)</c>), emphasis, code or math. Letters of any
/// script and emoji stay as they are.
/// </summary>
public static class MarkdownText
{
    /// <summary>One line of inline Markdown: HTML's three specials as entities, Markdown's inline specials backslashed.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),

                // Emphasis, code, links and images, strikethrough, math; a backslash so that none of them starts one.
                '\\' or '`' or '*' or '_' or '[' or ']' or '~' or '$' => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
