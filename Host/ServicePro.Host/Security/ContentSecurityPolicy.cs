using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace ServicePro.Host.Security;

/// <summary>
/// The shell's Content-Security-Policy. Scripts come only from the shell's own origin (Blazor, Fluent UI's web
/// components and module scripts, app.js, module content under <c>/_modules/</c>), plus the one inline script the
/// shell renders: Blazor's import map, allowed by its SHA-256 hash. Inline styles are allowed: Blazor and Fluent UI
/// components set <c>style</c> attributes as they render, and Fluent UI adds <c>&lt;style&gt;</c> elements where a browser
/// lacks CSS anchor positioning (menus and pop-overs in Firefox) or a component asks for a shadow style.
/// </summary>
public static class ContentSecurityPolicy
{
    private const string Fixed =
        "default-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'self'";

    private static readonly string s_withoutImportMap = $"script-src 'self'; {Fixed}";
    private static readonly ConditionalWeakTable<ImportMapDefinition, string> s_withImportMap = [];

    /// <summary>The policy for a response of an endpoint whose page renders <paramref name="importMap"/> inline (or none).</summary>
    public static string For(ImportMapDefinition? importMap) =>
        importMap is null
            ? s_withoutImportMap
            : s_withImportMap.GetValue(importMap, map => $"script-src 'self' '{Hash(map)}'; {Fixed}");

    /// <summary>
    /// The CSP hash source of the import map as Blazor's <c>ImportMap</c> component renders it: the script's text is the
    /// definition's JSON, which <see cref="ImportMapDefinition.ToString"/> returns.
    /// </summary>
    public static string Hash(ImportMapDefinition importMap)
    {
        ArgumentNullException.ThrowIfNull(importMap);
        return "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString())));
    }
}
