using System.Text.RegularExpressions;

namespace ServicePro.Host.Tests.Support;

public static class HtmlAssert
{
    /// <summary>The server-rendered Admin → Modules page shows <paramref name="state"/> for the module.</summary>
    public static void ModuleState(string html, string id, string state) =>
        StringAssert.Matches(html, new Regex($"data-testid=\"module-state-{Regex.Escape(id)}\"[^>]*>(<span>)?{state}<"));
}
