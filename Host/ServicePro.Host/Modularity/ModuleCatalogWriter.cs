using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace ServicePro.Host.Modularity;

/// <summary>
/// Writes an administrator's choice back into <c>modules.config</c>. Only the <c>enabled</c> attribute of that one
/// module changes, as text: comments, order, spacing and line endings stay exactly as the administrator left them.
/// The new file is written beside the old one and then moved over it, so a crash leaves the old file or the new
/// one, never half of one.
/// </summary>
public static partial class ModuleCatalogWriter
{
    public static async Task SetEnabledAsync(string path, string moduleId, bool enabled, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var updated = SetEnabled(text, path, moduleId, enabled);

        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(updated);
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The catalog text with the module's <c>enabled</c> attribute set; throws if the module is not listed.</summary>
    public static string SetEnabled(string text, string path, string moduleId, bool enabled)
    {
        var document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        var element = document.Root?.Elements(ModuleCatalogReader.ModuleElement)
            .FirstOrDefault(e => (string?)e.Attribute(ModuleCatalogReader.IdAttribute) == moduleId)
            ?? throw new InvalidOperationException($"Module '{moduleId}' is not listed in {path}.");

        // Find the element's start tag in the text: line info points at its name, just after '<'.
        var info = (IXmlLineInfo)element;
        var start = OffsetOf(text, info.LineNumber, info.LinePosition) - 1;
        var end = EndOfTag(text, start);
        var tag = text[start..end];
        var value = enabled ? "true" : "false";

        string newTag;
        var existing = EnabledAttribute().Match(tag);
        if (existing.Success)
        {
            newTag = tag[..existing.Index] + $"{ModuleCatalogReader.EnabledAttribute}=\"{value}\"" + tag[(existing.Index + existing.Length)..];
        }
        else
        {
            var close = tag.EndsWith("/>", StringComparison.Ordinal) ? tag.Length - 2 : tag.Length - 1;
            var insertAt = close;
            while (insertAt > 0 && char.IsWhiteSpace(tag[insertAt - 1]))
            {
                insertAt--;
            }

            newTag = tag[..insertAt] + $" {ModuleCatalogReader.EnabledAttribute}=\"{value}\"" + tag[insertAt..];
        }

        var updated = text[..start] + newTag + text[end..];

        // Never write a catalog the host could not read back.
        ModuleCatalogReader.Parse(updated, path);
        return updated;
    }

    private static int OffsetOf(string text, int line, int position)
    {
        var offset = 0;
        for (var current = 1; current < line; current++)
        {
            offset = text.IndexOf('\n', offset) + 1;
        }

        return offset + position - 1;
    }

    private static int EndOfTag(string text, int start)
    {
        char? quote = null;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException("Unterminated tag.");
    }

    [GeneratedRegex("""\benabled\s*=\s*("[^"]*"|'[^']*')""")]
    private static partial Regex EnabledAttribute();
}
