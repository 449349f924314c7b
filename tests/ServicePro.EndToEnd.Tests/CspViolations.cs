using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// Fails any test during which a page of a watched browser context broke the shell's Content-Security-Policy: Chromium
/// logs each violation to the console ("… violates the following Content Security Policy directive …"), and an init
/// script logs every <c>securitypolicyviolation</c> event as well. <see cref="Browser.SignInAsync"/> watches every
/// context it makes. A violation that arrives after its test ended fails the next test, never none.
/// </summary>
[TestClass]
public sealed class CspViolations
{
    private const string Marker = "Content Security Policy";
    private static readonly ConcurrentQueue<string> s_seen = new();

    public static async Task WatchAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains(Marker, StringComparison.Ordinal))
            {
                s_seen.Enqueue($"{message.Page?.Url}: {message.Text}");
            }
        };
        await context.AddInitScriptAsync($$"""
            document.addEventListener("securitypolicyviolation", (e) =>
              console.error(`{{Marker}} violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline code"} in ${e.sourceFile}:${e.lineNumber}`));
            """);
    }

    [GlobalTestCleanup]
    public static void FailOnViolations(TestContext context)
    {
        var seen = new List<string>();
        while (s_seen.TryDequeue(out var violation))
        {
            seen.Add(violation);
        }

        if (seen.Count > 0)
        {
            Assert.Fail($"The browser reported {seen.Count} Content-Security-Policy violation(s):\n{string.Join('\n', seen)}");
        }
    }
}
