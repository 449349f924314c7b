namespace ServicePro.Chat.Client.Tests;

[TestClass]
public sealed class FollowedSessionsTests
{
    private static readonly Guid Session = Guid.NewGuid();
    private readonly FollowedSessions _followed = new();

    [TestMethod]
    public void Receive_SameEntryTwice_RaisedOnce()
    {
        Assert.HasCount(1, _followed.Receive(Entry(1)));

        Assert.IsEmpty(_followed.Receive(Entry(1)));
    }

    [TestMethod]
    public void Receive_EntryTheCallerFetched_NotRaised()
    {
        _followed.Seen(Session, [Entry(1), Entry(2)]);

        Assert.IsEmpty(_followed.Receive(Entry(2)));
        Assert.HasCount(1, _followed.Receive(Entry(3)));
    }

    [TestMethod]
    public void CaughtUp_LiveEntriesCameBeforeTheCatchUp_EveryEntryOnceInOrder()
    {
        _followed.Receive(Entry(1));
        _followed.Receive(Entry(2));
        _followed.Dropped();

        // The new connection brings 5 live before the catch-up (after 2) answers with 3, 4 and 5.
        Assert.IsEmpty(_followed.Receive(Entry(5)), "held back until the catch-up");
        CollectionAssert.AreEqual(new[] { (Session, 2L) }, _followed.CatchUps().ToArray());
        var released = _followed.CaughtUp(Session, [Entry(3), Entry(4), Entry(5)]);

        CollectionAssert.AreEqual(new long[] { 3, 4, 5 }, released.Select(e => e.Sequence).ToArray());
        Assert.IsEmpty(_followed.CatchUps());
        Assert.HasCount(1, _followed.Receive(Entry(6)), "live again");
    }

    [TestMethod]
    public void Dropped_AgainBeforeTheCatchUp_CatchesUpFromTheFirstDrop()
    {
        _followed.Receive(Entry(4));
        _followed.Dropped();
        _followed.Receive(Entry(7));

        _followed.Dropped();

        CollectionAssert.AreEqual(new[] { (Session, 4L) }, _followed.CatchUps().ToArray());
    }

    [TestMethod]
    public void Unfollow_WhileEntriesAreHeldBack_ReleasesThemAndForgetsTheSession()
    {
        _followed.Follow(Session);
        _followed.Dropped();
        _followed.Receive(Entry(2));

        var released = _followed.Unfollow(Session);

        CollectionAssert.AreEqual(new long[] { 2 }, released.Select(e => e.Sequence).ToArray());
        Assert.IsEmpty(_followed.CatchUps());
    }

    private static ChatEntryDto Entry(long sequence) =>
        new(Session, sequence, TranscriptLineKind.Message, "alice", $"Сообщение {sequence} 消息", DateTimeOffset.UtcNow, Guid.NewGuid(), null);
}
