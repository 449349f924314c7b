using Microsoft.Extensions.Time.Testing;
using Moq;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Users;
using ServicePro.Host.Identity;

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
}
