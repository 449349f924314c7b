using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Integration;

/// <summary>The host in Production over HTTPS (a throw-away self-signed certificate): HSTS and Secure cookies.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class HttpsProductionTests
{
    /// <summary>HSTS is never sent for localhost or 127.0.0.1, so the requests name the shell by another host.</summary>
    private const string PublicHost = "servicepro.test";

    private static HostProcess s_host = null!;
    private static string s_certificateFolder = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context)
    {
        s_certificateFolder = Directory.CreateTempSubdirectory("servicepro-cert-").FullName;
        var certificate = Path.Combine(s_certificateFolder, "shell.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSignedCertificate("test"), context.CancellationToken);
        s_host = await HostProcess.StartAsync(
            settings: new Dictionary<string, string>
            {
                ["environment"] = "Production",
                ["urls"] = "https://127.0.0.1:0",
                ["Kestrel:Certificates:Default:Path"] = certificate,
                ["Kestrel:Certificates:Default:Password"] = "test",
            },
            cancellationToken: context.CancellationToken);
    }

    [ClassCleanup]
    public static async Task StopHost()
    {
        await s_host.DisposeAsync();
        Directory.Delete(s_certificateFolder, recursive: true);
    }

    [TestMethod]
    public async Task SignIn_OverHttpsInProduction_HstsAndSecureCookies()
    {
        Assert.AreEqual(Uri.UriSchemeHttps, s_host.BaseAddress.Scheme);
        using var client = CreateClient();

        using var form = await client.GetAsync("account/login");
        Assert.AreEqual(HttpStatusCode.OK, form.StatusCode);
        StringAssert.StartsWith(form.Headers.GetValues("Strict-Transport-Security").Single(), "max-age=");
        StringAssert.Contains(Cookie(form, ".AspNetCore.Antiforgery."), "; secure");

        using var signedIn = await SignIn.PostLoginAsync(client, "alice");
        Assert.AreEqual(HttpStatusCode.Redirect, signedIn.StatusCode);
        StringAssert.Contains(Cookie(signedIn, "ServicePro.Auth="), "; secure");
        StringAssert.StartsWith(signedIn.Headers.GetValues("Strict-Transport-Security").Single(), "max-age=");
    }

    private static string Cookie(HttpResponseMessage response, string prefix) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToLowerInvariant();

    private static HttpClient CreateClient()
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        var client = new HttpClient(handler) { BaseAddress = s_host.BaseAddress };
        client.DefaultRequestHeaders.Host = PublicHost;
        return client;
    }

    private static byte[] SelfSignedCertificate(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={PublicHost}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(PublicHost);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.Export(X509ContentType.Pfx, password);
    }
}
