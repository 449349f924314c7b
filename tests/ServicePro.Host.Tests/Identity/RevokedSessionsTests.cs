using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Users;
using ServicePro.Host.Identity;
using ServicePro.Host.Tests.Support;

namespace ServicePro.Host.Tests.Identity;

/// <summary>
/// Which sign-in cookies a revocation stops: those issued until it happened, wherever and whenever the event is heard
/// (the event aggregator and the cluster bus deliver it later than the revoking host stamps it).
/// </summary>
[TestClass]
public sealed class RevokedSessionsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IEventAggregator> _events = new();
    private Func<UserAccessRevokedEvent, CancellationToken, Task> _heard = null!;
    private RevokedSessions _revoked = null!;

    [TestInitialize]
    public void Subscribe()
    {
        _events.Setup(e => e.Subscribe(It.IsAny<Func<UserAccessRevokedEvent, CancellationToken, Task>>()))
            .Callback<Func<UserAccessRevokedEvent, CancellationToken, Task>>(h => _heard = h)
            .Returns(Mock.Of<IDisposable>());
        _events.Setup(e => e.Subscribe(It.IsAny<Func<UserSessionsStaleEvent, CancellationToken, Task>>())).Returns(Mock.Of<IDisposable>());
        _revoked = new RevokedSessions(_events.Object, _clock);
    }

    [TestCleanup]
    public void Unsubscribe() => _revoked.Dispose();

    [TestMethod]
    public async Task DisabledThenEnabledAndSignedInAgain_TheEventIsHeardAfterThat_HerNewCookieStillWorks()
    {
        var disabledAt = _revoked.Revoke("zoya");
        var oldCookie = disabledAt.AddMinutes(-5);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var newCookie = _clock.GetUtcNow(); // enabled again, signs in with her password
        _clock.Advance(TimeSpan.FromSeconds(3));

        await _heard(new UserAccessRevokedEvent("zoya") { RevokedAt = disabledAt }, CancellationToken.None);

        Assert.IsFalse(_revoked.IsRevoked("zoya", newCookie), "a late event must not refuse the sign-in that came after it");
        Assert.IsTrue(_revoked.IsRevoked("zoya", oldCookie));
        Assert.IsTrue(_revoked.IsRevoked("ZOYA", disabledAt), "user names are matched as Identity matches them");
    }

    [TestMethod]
    public async Task HeardFromAnotherHost_CookiesIssuedUntilItsRevocationStop_LaterOnesWork()
    {
        var revokedThere = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(1));

        await _heard(new UserAccessRevokedEvent("bob") { RevokedAt = revokedThere }, CancellationToken.None);

        Assert.IsTrue(_revoked.IsRevoked("bob", revokedThere.AddSeconds(-1)));
        Assert.IsFalse(_revoked.IsRevoked("bob", revokedThere.AddMilliseconds(500)));
        Assert.IsFalse(_revoked.IsRevoked("alice", revokedThere.AddSeconds(-1)), "only the user named");
    }

    [TestMethod]
    public async Task TwoRevocations_HeardInTheWrongOrder_TheLaterOneHolds()
    {
        var first = _revoked.Revoke("bob");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = _revoked.Revoke("bob");

        await _heard(new UserAccessRevokedEvent("bob") { RevokedAt = first }, CancellationToken.None);

        Assert.IsTrue(_revoked.IsRevoked("bob", second.AddSeconds(-1)), "the earlier event heard last does not undo the later one");
    }

    [TestMethod]
    public async Task EventWithoutATime_FromAnOlderPublisher_StopsCookiesIssuedUntilItIsHeard()
    {
        _clock.Advance(TimeSpan.FromSeconds(10));

        await _heard(new UserAccessRevokedEvent("bob"), CancellationToken.None);

        Assert.IsTrue(_revoked.IsRevoked("bob", _clock.GetUtcNow().AddSeconds(-1)));
        Assert.IsFalse(_revoked.IsRevoked("bob", _clock.GetUtcNow().AddSeconds(1)));
    }

    /// <summary>
    /// The cookie's own issue time keeps whole seconds. Disabled at 09:00:00.100 and signed in again at 09:00:00.600,
    /// her new cookie (read back from the cookie's own format) still works; one issued at 09:00:00.050 does not.
    /// </summary>
    [TestMethod]
    public void SignedInAgainInTheSameSecondAsTheRevocation_HerNewCookieWorks_OneFromBeforeItDoesNot()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        var before = Cookie(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        _revoked.Revoke("zoya");
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        var after = Cookie(_clock.GetUtcNow());

        Assert.AreEqual(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), after.IssuedUtc, "the cookie's own time keeps whole seconds");
        Assert.IsFalse(_revoked.IsRevoked("zoya", RevokedSessions.IssuedAt(after)), "signed in after the revocation");
        Assert.IsTrue(_revoked.IsRevoked("zoya", RevokedSessions.IssuedAt(before)), "signed in before it");
    }

    /// <summary>A cookie from before the precise stamp, issued in the revocation's second, is refused: the safe side.</summary>
    [TestMethod]
    public void CookieWithoutThePreciseStamp_IssuedInTheRevocationsSecond_Refused()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        _revoked.Revoke("zoya");
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        var properties = new AuthenticationProperties { IssuedUtc = _clock.GetUtcNow() };

        Assert.IsTrue(_revoked.IsRevoked("zoya", RevokedSessions.IssuedAt(RoundTrip(properties))));
    }

    /// <summary>The host's sign-in cookie is stamped to the tick when she signs in (the host's own registration).</summary>
    [TestMethod]
    public async Task HostsSignInCookie_StampedToTheTickWhenSheSignsIn()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        await using var provider = new ServiceCollection()
            .AddHostIdentity()
            .AddSingleton(_events.Object)
            .AddSingleton<TimeProvider>(_clock)
            .BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var properties = new AuthenticationProperties();
        var signingIn = new CookieSigningInContext(
            new DefaultHttpContext { RequestServices = provider },
            new AuthenticationScheme(IdentityConstants.ApplicationScheme, null, typeof(CookieAuthenticationHandler)),
            options,
            new ClaimsPrincipal(),
            properties,
            new CookieOptions());

        await options.Events.SigningIn(signingIn);

        Assert.AreEqual(_clock.GetUtcNow(), RevokedSessions.IssuedAt(RoundTrip(properties)));
    }

    /// <summary>A cookie as the cookie handler writes it at sign-in (its issue time and the precise stamp), read back.</summary>
    private static AuthenticationProperties Cookie(DateTimeOffset signedIn)
    {
        var properties = new AuthenticationProperties { IssuedUtc = signedIn };
        RevokedSessions.StampIssued(properties, signedIn);
        return RoundTrip(properties);
    }

    private static AuthenticationProperties RoundTrip(AuthenticationProperties properties)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "zoya")], "Identity.Application"));
        var bytes = TicketSerializer.Default.Serialize(new AuthenticationTicket(principal, properties, "Identity.Application"));
        return TicketSerializer.Default.Deserialize(bytes)!.Properties;
    }
}
