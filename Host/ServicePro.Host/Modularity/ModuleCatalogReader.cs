using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace ServicePro.Host.Modularity;

/// <summary>Reads and validates <c>modules.config</c>. Any problem is a <see cref="ModuleCatalogException"/>.</summary>
public static partial class ModuleCatalogReader
{
    public const string RootElement = "modules";
    public const string ModuleElement = "module";
    public const string IdAttribute = "id";
    public const string AssemblyAttribute = "assembly";
    public const string EnabledAttribute = "enabled";

    /// <summary>
    /// No longer read: a module declares what it needs in code (<c>IServiceProModule.DependsOn</c>), the one place.
    /// A file that still has it stops start-up with a message saying so, rather than be silently ignored.
    /// </summary>
    public const string RetiredDependsOnAttribute = "dependsOn";

    private static readonly HashSet<string> KnownAttributes = [IdAttribute, AssemblyAttribute, EnabledAttribute];

    public static async Task<ModuleCatalog> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ModuleCatalogException(path, 0, "the module catalog file does not exist. Create it (see README, \"modules.config\") or set Modules:ConfigPath.", ex);
        }

        return Parse(text, path);
    }

    public static ModuleCatalog Parse(string text, string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new ModuleCatalogException(path, ex.LineNumber, $"not well-formed XML: {ex.Message}", ex);
        }

        var root = document.Root!;
        if (root.Name.LocalName != RootElement || root.Name.Namespace != XNamespace.None)
        {
            throw new ModuleCatalogException(path, LineOf(root), $"the root element must be <{RootElement}>, not <{root.Name.LocalName}>.");
        }

        var entries = new List<ModuleCatalogEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in root.Elements())
        {
            var entry = ParseModule(element, path);
            if (seen.TryGetValue(entry.Id, out var firstLine))
            {
                throw new ModuleCatalogException(path, entry.Line, $"module id '{entry.Id}' is listed twice (first on line {firstLine}).");
            }

            seen.Add(entry.Id, entry.Line);
            entries.Add(entry);
        }

        var strayText = root.Nodes().OfType<XText>().FirstOrDefault(t => !string.IsNullOrWhiteSpace(t.Value));
        if (strayText is not null)
        {
            throw new ModuleCatalogException(path, LineOf(strayText), $"unexpected text '{strayText.Value.Trim()}' inside <{RootElement}>.");
        }

        return new ModuleCatalog(path, entries);
    }

    private static ModuleCatalogEntry ParseModule(XElement element, string path)
    {
        var line = LineOf(element);
        if (element.Name.LocalName != ModuleElement || element.Name.Namespace != XNamespace.None)
        {
            throw new ModuleCatalogException(path, line, $"unexpected element <{element.Name.LocalName}>; only <{ModuleElement}> is allowed inside <{RootElement}>.");
        }

        if (element.Attribute(RetiredDependsOnAttribute) is not null)
        {
            var named = element.Attribute(IdAttribute)?.Value.Trim();
            throw new ModuleCatalogException(path, line, $"{(string.IsNullOrEmpty(named) ? "<module>" : $"module '{named}'")}: '{RetiredDependsOnAttribute}' is no longer read from modules.config; a module declares the modules it needs in its code (IServiceProModule.DependsOn). Remove the attribute.");
        }

        foreach (var attribute in element.Attributes())
        {
            if (!attribute.IsNamespaceDeclaration && !KnownAttributes.Contains(attribute.Name.LocalName))
            {
                throw new ModuleCatalogException(path, line, $"unknown attribute '{attribute.Name.LocalName}' on <{ModuleElement}>; expected {string.Join(", ", KnownAttributes)}.");
            }
        }

        var id = Required(element, IdAttribute, path, line);
        if (!IdPattern().IsMatch(id))
        {
            throw new ModuleCatalogException(path, line, $"module id '{id}' is not valid: use lower-case letters, digits and '-', starting with a letter.");
        }

        var assembly = Required(element, AssemblyAttribute, path, line);

        var enabledText = element.Attribute(EnabledAttribute)?.Value.Trim();
        bool enabled;
        if (enabledText is null)
        {
            enabled = true;
        }
        else if (!bool.TryParse(enabledText, out enabled))
        {
            throw new ModuleCatalogException(path, line, $"module '{id}': enabled=\"{enabledText}\" must be \"true\" or \"false\".");
        }

        if (element.HasElements || !string.IsNullOrWhiteSpace(element.Value))
        {
            throw new ModuleCatalogException(path, line, $"module '{id}': <{ModuleElement}> takes attributes only, no content.");
        }

        return new ModuleCatalogEntry(id, assembly, enabled, line);
    }

    private static string Required(XElement element, string attribute, string path, int line)
    {
        var value = element.Attribute(attribute)?.Value.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new ModuleCatalogException(path, line, $"<{ModuleElement}> needs a non-empty '{attribute}' attribute.");
        }

        return value;
    }

    private static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
