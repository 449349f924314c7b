using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>The headers every response of the real host carries (Development, plain HTTP, as the tests run it).</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed partial class SecurityHeadersIntegrationTests
{
    private static HostProcess s_host = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context) =>
        s_host = await HostProcess.StartAsync(TestModulesConfig.WithChat(), cancellationToken: context.CancellationToken);

    [ClassCleanup]
    public static async Task StopHost() => await s_host.DisposeAsync();

    [TestMethod]
    [DataRow("account/login", DisplayName = "sign-in page")]
    [DataRow("", DisplayName = "Workbench")]
    [DataRow("app.js", DisplayName = "static file")]
    [DataRow("_modules/chat/chat.css", DisplayName = "module content")]
    [DataRow("health", DisplayName = "health")]
    [DataRow("hubs/chat/negotiate?negotiateVersion=1", DisplayName = "hub")]
    public async Task AnyResponse_SignedIn_CarriesNosniffReferrerPolicyAndOneCsp(string path)
    {
        using var client = s_host.CreateClient();
        await SignIn.AsAsync(client, "alice");

        using var response = path.StartsWith("hubs/", StringComparison.Ordinal)
            ? await client.PostAsync(path, null)
            : await client.GetAsync(path);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.AreEqual("same-origin", Single(response, "Referrer-Policy"));
        var policy = Single(response, "Content-Security-Policy");
        StringAssert.Contains(policy, "frame-ancestors 'self'");
        StringAssert.Contains(policy, "object-src 'none'");
        var scripts = ScriptSrc(policy);
        StringAssert.StartsWith(scripts, "script-src 'self'");
        Assert.DoesNotContain("unsafe", scripts, "no inline scripts, no eval");
        Assert.IsFalse(response.Headers.Contains("Strict-Transport-Security"), "HSTS is for HTTPS outside Development");
    }

    [TestMethod]
    public async Task Page_InlineImportMap_IsAllowedByItsHashAndIsTheOnlyInlineScript()
    {
        using var client = s_host.CreateClient();

        using var response = await client.GetAsync("account/login");
        var html = await response.Content.ReadAsStringAsync();

        var inline = InlineScript().Matches(html);
        Assert.HasCount(1, inline, "one inline script: the import map");
        StringAssert.Contains(inline[0].Groups["attributes"].Value, "type=\"importmap\"");
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline[0].Groups["body"].Value))) + "'";
        StringAssert.Contains(ScriptSrc(Single(response, "Content-Security-Policy")), hash);
        Assert.DoesNotMatchRegex(new Regex(@"\son[a-z]+\s*="), html, "no inline event handlers");
    }

    private static string Single(HttpResponseMessage response, string header)
    {
        var values = response.Headers.TryGetValues(header, out var found) ? found.ToList() : [];
        if (response.Content.Headers.TryGetValues(header, out var content))
        {
            values.AddRange(content);
        }

        Assert.HasCount(1, values, $"one {header} header on {response.RequestMessage?.RequestUri}");
        return values[0];
    }

    private static string ScriptSrc(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));

    [GeneratedRegex(@"<script(?<attributes>(?![^>]*\ssrc=)[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
