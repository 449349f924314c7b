using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moq;
using ServicePro.Host.Data;
using ServicePro.Host.Security;
using ServicePro.Host.Tests.Support;

namespace ServicePro.Host.Tests.Security;

/// <summary>A bearer-authenticated request is checked against the user as she is now, in a scope of its own.</summary>
[TestClass]
public sealed class BearerRevalidatingAuthenticationServiceTests
{
    private readonly List<ScopeProbe> _probes = [];
    private HostDatabase _database = null!;
    private ServiceProvider _provider = null!;

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public async Task CreateDatabase()
    {
        _database = await HostDatabase.CreateAsync();
        var services = new ServiceCollection().AddHostIdentity();
        services.AddScoped(sp =>
        {
            var probe = new ScopeProbe(sp);
            _probes.Add(probe);
            return probe;
        });
        services.AddScoped<ServiceProIdentityDbContext>(sp =>
        {
            sp.GetRequiredService<ScopeProbe>();
            return new SqliteIdentityDbContext(new DbContextOptionsBuilder<SqliteIdentityDbContext>().UseSqlite(_database.ConnectionString).Options);
        });
        _provider = services.BuildServiceProvider(validateScopes: true);
        await HostIdentity.SeedAsync(_provider, TestContext.CancellationToken);
    }

    [TestCleanup]
    public async Task DeleteDatabase()
    {
        await _provider.DisposeAsync();
        await _database.DisposeAsync();
    }

    [TestMethod]
    public async Task AuthenticateAsync_BearerToken_ChecksTheUserInAScopeDisposedBeforeItReturns()
    {
        var token = await HostIdentity.TokenOfAsync(_provider, "alice");
        await using var request = _provider.CreateAsyncScope();
        _probes.Clear();

        var result = await Create(token).AuthenticateAsync(new DefaultHttpContext { RequestServices = request.ServiceProvider }, IdentityConstants.BearerScheme);

        Assert.IsTrue(result.Succeeded);
        // A hub connection's request lives as long as the connection: what the check resolves (its Identity DbContext)
        // must not stay in the request's scope all that time.
        Assert.AreEqual(1, _probes.Count, "the user is checked once");
        Assert.IsTrue(_probes[0].Disposed, "the check's scope (and its DbContext) is gone when the request is authenticated");
        Assert.AreNotSame(request.ServiceProvider, _probes[0].Provider, "not the request's own services");
    }

    [TestMethod]
    public async Task AuthenticateAsync_TokenFromBeforeAPasswordChange_Fails()
    {
        var token = await HostIdentity.TokenOfAsync(_provider, "alice");
        await using (var scope = _provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByNameAsync("alice"))!);
        }

        await using var request = _provider.CreateAsyncScope();
        var result = await Create(token).AuthenticateAsync(new DefaultHttpContext { RequestServices = request.ServiceProvider }, IdentityConstants.BearerScheme);

        Assert.IsFalse(result.Succeeded);
        StringAssert.Contains(result.Failure?.Message, "issued before the password changed");
    }

    private static BearerRevalidatingAuthenticationService Create(ClaimsPrincipal token)
    {
        var handler = new Mock<IAuthenticationHandler>();
        handler.Setup(h => h.AuthenticateAsync()).ReturnsAsync(AuthenticateResult.Success(new AuthenticationTicket(token, IdentityConstants.BearerScheme)));
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
