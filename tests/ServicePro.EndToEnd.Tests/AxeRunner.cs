using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using ServicePro.Testing;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Runs axe-core (npm, pinned in tests/ServicePro.EndToEnd.Tests/axe, installed by test.sh) in a Playwright page with
/// the WCAG 2 A/AA rules (2.0, 2.1, 2.2) and axe's best practices, and reports each serious or critical violation.
/// axe.min.js goes in through <see cref="IPage.EvaluateAsync"/> (the DevTools protocol), not a script tag: the shell's
/// Content-Security-Policy allows no inline script, and this way the contexts keep that policy fully enforced (no
/// BypassCSP), so <see cref="CspViolations"/> still fails a test whose page, or axe, breaks it.
/// </summary>
public static class AxeRunner
{
    /// <summary>The rule tags run: WCAG 2.0/2.1/2.2 levels A and AA, and axe's best practices.</summary>
    public static IReadOnlyList<string> Tags { get; } = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    public static string ScriptPath { get; } = Path.Combine(TestPaths.RepositoryRoot, "tests", "ServicePro.EndToEnd.Tests", "axe", "node_modules", "axe-core", "axe.min.js");

    private static readonly Lazy<Task<string>> s_script = new(() => File.ReadAllTextAsync(ScriptPath));

    /// <summary>Every serious or critical violation on <paramref name="page"/> as it is now, one line per element.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> FindSeriousAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!File.Exists(ScriptPath))
        {
            // Never skipped: a missing axe-core is a broken test setup.
            throw new InvalidOperationException($"axe-core is missing ({ScriptPath}): run ./test.sh, which installs it with npm ci in tests/ServicePro.EndToEnd.Tests/axe.");
        }

        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(await s_script.Value);
        }

        var found = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              const serious = results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
              // A target inside a web component's shadow root is an array of selectors, outermost first.
              // The host's markup is named too, since the part inside says little about which component it is.
              const selector = t => Array.isArray(t) ? t.join(' >>> ') : t;
              const html = n => Array.isArray(n.target[0]) ? document.querySelector(n.target[0][0])?.outerHTML ?? n.html : n.html;
              return serious.flatMap(v => v.nodes.map(n => ({
                rule: v.id, impact: n.impact || v.impact, target: n.target.map(selector).join(', '),
                help: v.help, helpUrl: v.helpUrl, html: html(n).slice(0, 160), summary: (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300)
              })));
            }
            """,
            Tags);
        return found.Deserialize<AxeViolation[]>(JsonSerializerOptions.Web) ?? [];
    }

    /// <summary>A readable list of <paramref name="violations"/>, one per line, labelled with the page they were found on.</summary>
    public static string Describe(IEnumerable<(string Where, AxeViolation Violation)> violations)
    {
        var text = new StringBuilder();
        foreach (var (where, v) in violations)
        {
            text.Append(CultureInfo.InvariantCulture, $"- [{where}] {v.Rule} ({v.Impact}) at {v.Target}: {v.Help} — {v.HelpUrl}\n    {v.Html}\n    {v.Summary}\n");
        }

        return text.ToString();
    }
}

/// <summary>One element that breaks one axe rule.</summary>
public sealed record AxeViolation(string Rule, string Impact, string Target, string Help, string HelpUrl, string Html, string Summary);
