using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServicePro.Host.Cluster;
using ServicePro.Host.Tests.Support;

namespace ServicePro.Host.Tests.Cluster;

/// <summary>Two hosts (two holders) on one database and one fake clock.</summary>
[TestClass]
public sealed class LeasesInDatabaseTests
{
    private const string Lease = "chat-housekeeping";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private HostDatabase _database = null!;
    private LeasesInDatabase _hostA = null!;
    private LeasesInDatabase _hostB = null!;

    [TestInitialize]
    public async Task Start()
    {
        _database = await HostDatabase.CreateAsync();
        _hostA = new LeasesInDatabase(_database.Scopes, _time, NullLogger<LeasesInDatabase>.Instance);
        _hostB = new LeasesInDatabase(_database.Scopes, _time, NullLogger<LeasesInDatabase>.Instance);
    }

    [TestCleanup]
    public async Task Stop() => await _database.DisposeAsync();

    [TestMethod]
    public async Task TryHold_FirstHost_AcquiresAndTheOtherIsRefused()
    {
        Assert.IsTrue(await _hostA.TryHoldAsync(Lease, Duration));
        Assert.IsFalse(await _hostB.TryHoldAsync(Lease, Duration));
    }

    [TestMethod]
    public async Task TryHold_HolderRenewsBeforeExpiry_KeepsItPastTheFirstDuration()
    {
        await _hostA.TryHoldAsync(Lease, Duration);

        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.IsTrue(await _hostA.TryHoldAsync(Lease, Duration), "the holder renews");
        _time.Advance(TimeSpan.FromSeconds(4));

        Assert.IsFalse(await _hostB.TryHoldAsync(Lease, Duration), "8 s after the first take, the renewal still holds");
    }

    [TestMethod]
    public async Task TryHold_HolderStopsRenewing_AnotherHostTakesOverAfterExpiryAndTheOldHolderIsRefused()
    {
        await _hostA.TryHoldAsync(Lease, Duration);

        _time.Advance(Duration);
        var atExpiry = await _hostB.TryHoldAsync(Lease, Duration);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var afterExpiry = await _hostB.TryHoldAsync(Lease, Duration);

        Assert.IsFalse(atExpiry, "not before the lease has run out");
        Assert.IsTrue(afterExpiry);
        Assert.IsFalse(await _hostA.TryHoldAsync(Lease, Duration), "the old holder, back from a pause, does not act");
    }

    [TestMethod]
    public async Task Release_ByTheHolder_AnotherHostTakesOverAtOnce()
    {
        await _hostA.TryHoldAsync(Lease, Duration);

        await _hostA.ReleaseAsync(Lease);

        Assert.IsTrue(await _hostB.TryHoldAsync(Lease, Duration));
    }

    [TestMethod]
    public async Task Release_ByAHostThatDoesNotHoldIt_ChangesNothing()
    {
        await _hostA.TryHoldAsync(Lease, Duration);

        await _hostB.ReleaseAsync(Lease);

        Assert.IsFalse(await _hostB.TryHoldAsync(Lease, Duration));
        Assert.IsTrue(await _hostA.TryHoldAsync(Lease, Duration));
    }

    [TestMethod]
    public async Task TryHold_TwoNames_AreIndependent()
    {
        Assert.IsTrue(await _hostA.TryHoldAsync(Lease, Duration));
        Assert.IsTrue(await _hostB.TryHoldAsync("chat-outbox", Duration));
    }

    [TestMethod]
    public async Task TryHold_ManyHostsAtOnceOnANewLease_ExactlyOneHoldsIt()
    {
        var hosts = Enumerable.Range(0, 8).Select(_ => new LeasesInDatabase(_database.Scopes, _time, NullLogger<LeasesInDatabase>.Instance)).ToList();

        var results = await Task.WhenAll(hosts.Select(h => Task.Run(() => h.TryHoldAsync(Lease, Duration))));

        Assert.AreEqual(1, results.Count(held => held), string.Join(", ", results));
    }
}
