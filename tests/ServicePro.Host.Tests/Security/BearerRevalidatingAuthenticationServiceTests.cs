using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using ServicePro.Host.Security;

namespace ServicePro.Host.Tests.Security;

[TestClass]
public sealed class BearerRevalidatingAuthenticationServiceTests
{
    private readonly IdentityUser _olga = new("ольга");
    private readonly ClaimsPrincipal _principal = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ольга")], IdentityConstants.BearerScheme));
    private readonly Mock<UserManager<IdentityUser>> _users = new(Mock.Of<IUserStore<IdentityUser>>(), null!, null!, null!, null!, null!, null!, null!, null!);
    private readonly Mock<SignInManager<IdentityUser>> _signIn;
    private readonly List<ScopeProbe> _probes = [];

    public BearerRevalidatingAuthenticationServiceTests()
    {
        _signIn = new(
            _users.Object,
            Mock.Of<IHttpContextAccessor>(),
            Mock.Of<IUserClaimsPrincipalFactory<IdentityUser>>(),
            Options.Create(new IdentityOptions()),
            NullLogger<SignInManager<IdentityUser>>.Instance,
            Mock.Of<IAuthenticationSchemeProvider>(),
            Mock.Of<IUserConfirmation<IdentityUser>>());
        _signIn.Setup(s => s.ValidateSecurityStampAsync(_principal)).ReturnsAsync(_olga);
        _signIn.Setup(s => s.CanSignInAsync(_olga)).ReturnsAsync(true);
        _users.Setup(u => u.IsLockedOutAsync(_olga)).ReturnsAsync(false);
    }

    [TestMethod]
    public async Task AuthenticateAsync_BearerToken_ChecksTheUserInAScopeDisposedBeforeItReturns()
    {
        await using var services = Services();
        await using var request = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = request.ServiceProvider };

        var result = await Create().AuthenticateAsync(context, IdentityConstants.BearerScheme);

        Assert.IsTrue(result.Succeeded);
        // A hub connection's request lives as long as the connection: what the check resolves (the sign-in manager, its
        // Identity DbContext) must not stay in the request's scope all that time.
        Assert.AreEqual(1, _probes.Count, "the user is checked once");
        Assert.IsTrue(_probes[0].Disposed, "the check's scope (and its DbContext) is gone when the request is authenticated");
        Assert.AreNotSame(request.ServiceProvider, _probes[0].Provider, "not the request's own services");
    }

    [TestMethod]
    public async Task AuthenticateAsync_TokenFromBeforeAPasswordChange_Fails()
    {
        _signIn.Setup(s => s.ValidateSecurityStampAsync(_principal)).ReturnsAsync((IdentityUser?)null);
        await using var services = Services();
        await using var request = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = request.ServiceProvider };

        var result = await Create().AuthenticateAsync(context, IdentityConstants.BearerScheme);

        Assert.IsFalse(result.Succeeded);
    }

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddScoped(sp =>
        {
            var probe = new ScopeProbe(sp);
            _probes.Add(probe);
            return probe;
        });
        services.AddScoped(sp =>
        {
            sp.GetRequiredService<ScopeProbe>();
            return _signIn.Object;
        });
        return services.BuildServiceProvider(validateScopes: true);
    }

    private BearerRevalidatingAuthenticationService Create()
    {
        var handler = new Mock<IAuthenticationHandler>();
        handler.Setup(h => h.AuthenticateAsync()).ReturnsAsync(AuthenticateResult.Success(new AuthenticationTicket(_principal, IdentityConstants.BearerScheme)));
        var handlers = new Mock<IAuthenticationHandlerProvider>();
        handlers.Setup(h => h.GetHandlerAsync(It.IsAny<HttpContext>(), IdentityConstants.BearerScheme)).ReturnsAsync(handler.Object);
        var transform = new Mock<IClaimsTransformation>();
        transform.Setup(t => t.TransformAsync(It.IsAny<ClaimsPrincipal>())).ReturnsAsync((ClaimsPrincipal p) => p);
        return new BearerRevalidatingAuthenticationService(Mock.Of<IAuthenticationSchemeProvider>(), handlers.Object, transform.Object, Options.Create(new AuthenticationOptions()));
    }

    private sealed class ScopeProbe(IServiceProvider provider) : IDisposable
    {
        public IServiceProvider Provider { get; } = provider;

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
