using Microsoft.Extensions.Time.Testing;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Services;

namespace ServicePro.Modules.Chat.Tests.Services;

[TestClass]
public sealed partial class PresenceTrackerTests
{
    private readonly PresenceTracker _presence = new(new FakeTimeProvider());

    [TestMethod]
    public void Disconnected_OneOfTwoTabs_RepStaysOnlineUntilTheLastCloses()
    {
        var first = _presence.Connected("alice", "tab-1");
        var second = _presence.Connected("alice", "tab-2");

        var closeOne = _presence.Disconnected("alice", "tab-1");
        var status = _presence.StatusOf("alice");
        var closeLast = _presence.Disconnected("alice", "tab-2");

        Assert.AreEqual(new PresenceDto("alice", PresenceStatus.Available), first);
        Assert.IsNull(second);
        Assert.IsNull(closeOne);
        Assert.AreEqual(PresenceStatus.Available, status);
        Assert.AreEqual(new PresenceDto("alice", PresenceStatus.Offline), closeLast);
        Assert.AreEqual(PresenceStatus.Offline, _presence.StatusOf("alice"));
    }

    [TestMethod]
    public void Set_Busy_IsReportedAndKeptAcrossReconnect()
    {
        _presence.Connected("alice", "tab-1");

        var busy = _presence.Set("alice", PresenceStatus.Busy);
        _presence.Disconnected("alice", "tab-1");
        var back = _presence.Connected("alice", "tab-2");

        Assert.AreEqual(new PresenceDto("alice", PresenceStatus.Busy), busy);
        Assert.AreEqual(new PresenceDto("alice", PresenceStatus.Busy), back);
    }

    [TestMethod]
    public void Set_Offline_RefusedWithPresenceInvalid()
    {
        var error = Assert.ThrowsExactly<ChatException>(() => _presence.Set("alice", PresenceStatus.Offline));

        Assert.AreEqual(ChatConstants.Errors.PresenceInvalid, error.Code);
    }
}
