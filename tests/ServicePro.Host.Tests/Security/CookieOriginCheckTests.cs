using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using ServicePro.Host.Security;

namespace ServicePro.Host.Tests.Security;

[TestClass]
public sealed class CookieOriginCheckTests
{
    private const string CookieName = "ServicePro.Auth";

    [TestMethod]
    [DataRow("/hubs/chat", "https://evil.example.com", DisplayName = "hub, another site")]
    [DataRow("/hubs/chat/negotiate", "https://desk.example.com:8443", DisplayName = "hub, same host, another port")]
    [DataRow("/_blazor", "http://desk.example.com", DisplayName = "circuit, same host, another scheme")]
    [DataRow("/hubs/chat", "null", DisplayName = "opaque origin")]
    [DataRow("/hubs/chat", "https://desk.example.com, https://evil.example.com", DisplayName = "two origins")]
    public async Task InvokeAsync_CookieFromAnotherOrigin_Refused(string path, string origin)
    {
        var (status, passed) = await RunAsync(path, origin, withCookie: true);

        Assert.AreEqual(StatusCodes.Status403Forbidden, status);
        Assert.IsFalse(passed);
    }

    [TestMethod]
    [DataRow("/hubs/chat", "https://desk.example.com", true, DisplayName = "own origin")]
    [DataRow("/hubs/chat", "HTTPS://Desk.Example.com:443", true, DisplayName = "own origin, other case, default port")]
    [DataRow("/_blazor", "https://support.example.org", true, DisplayName = "configured origin")]
    [DataRow("/hubs/chat", null, true, DisplayName = "no Origin: not a browser")]
    [DataRow("/hubs/chat", "https://evil.example.com", false, DisplayName = "no cookie: bearer client")]
    [DataRow("/account/token", "https://evil.example.com", true, DisplayName = "not a hub")]
    [DataRow("/hubsidiary", "https://evil.example.com", true, DisplayName = "only the /hubs segment")]
    public async Task InvokeAsync_NotAForeignCookieConnection_PassesThrough(string path, string? origin, bool withCookie)
    {
        var (status, passed) = await RunAsync(path, origin, withCookie);

        Assert.AreEqual(StatusCodes.Status200OK, status);
        Assert.IsTrue(passed);
    }

    [TestMethod]
    [DataRow("https://desk.example.com", "https://desk.example.com")]
    [DataRow("https://Desk.Example.com:443/", "https://desk.example.com")]
    [DataRow("http://127.0.0.1:5000", "http://127.0.0.1:5000")]
    [DataRow("desk.example.com", null)]
    [DataRow("https://desk.example.com/chat", null)]
    [DataRow("ftp://desk.example.com", null)]
    [DataRow("null", null)]
    public void Normalize_Origin_SchemeHostAndPortOnly(string origin, string? expected) =>
        Assert.AreEqual(expected, CookieOriginCheck.Normalize(origin));

    private static async Task<(int Status, bool Passed)> RunAsync(string path, string? origin, bool withCookie)
    {
        var passed = false;
        var cookies = new Mock<IOptionsMonitor<CookieAuthenticationOptions>>();
        cookies.Setup(m => m.Get(IdentityConstants.ApplicationScheme)).Returns(new CookieAuthenticationOptions { Cookie = { Name = CookieName } });
        var check = new CookieOriginCheck(
            _ => { passed = true; return Task.CompletedTask; },
            cookies.Object,
            Options.Create(new SecurityOptions { AllowedOrigins = ["https://support.example.org"] }),
            NullLogger<CookieOriginCheck>.Instance);
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("desk.example.com");
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        if (withCookie)
        {
            context.Request.Headers.Cookie = $"{CookieName}=ticket";
        }

        await check.InvokeAsync(context);
        return (context.Response.StatusCode, passed);
    }
}
