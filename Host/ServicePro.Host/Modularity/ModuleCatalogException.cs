namespace ServicePro.Host.Modularity;

/// <summary><c>modules.config</c> is missing or not well-formed; the host does not start.</summary>
public sealed class ModuleCatalogException : Exception
{
    public ModuleCatalogException(string path, int line, string problem, Exception? inner = null)
        : base(line > 0 ? $"{path}({line}): {problem}" : $"{path}: {problem}", inner)
    {
        Path = path;
        Line = line;
        Problem = problem;
    }

    public string Path { get; }

    /// <summary>The 1-based line of the problem, or 0 when it concerns the whole file.</summary>
    public int Line { get; }

    public string Problem { get; }
}
