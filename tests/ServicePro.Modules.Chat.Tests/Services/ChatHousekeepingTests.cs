using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ServicePro.Contracts.Modules;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Tests.Support;

namespace ServicePro.Modules.Chat.Tests.Services;

[TestClass]
public sealed class ChatHousekeepingTests
{
    [TestMethod]
    public async Task Run_AnotherHostHoldsTheLease_ExpiresNothingUntilThisHostHoldsIt()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = await chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();
        chat.Time.Advance(chat.Options.InvitationExpiry);
        var held = false;
        var answers = Channel.CreateUnbounded<bool>();
        chat.Leases.Setup(l => l.TryHoldAsync(ChatHousekeeping.LeaseName, chat.Options.LeaseDuration, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                answers.Writer.TryWrite(held);
                return held;
            });
        using var housekeeping = await StartedAsync(chat);

        // Two rounds while another host holds the lease: the second question shows the first round is over.
        chat.Time.Advance(chat.Options.HousekeepingInterval);
        Assert.IsFalse(await answers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        chat.Time.Advance(chat.Options.HousekeepingInterval);
        Assert.IsFalse(await answers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        await using (var db = chat.Databases.Create())
        {
            Assert.AreEqual(InvitationStatus.Pending, (await db.Invitations.SingleAsync(i => i.Id == invitation.InvitationId)).Status, "not expired by a host without the lease");
        }

        held = true;
        chat.Time.Advance(chat.Options.HousekeepingInterval);
        var closed = await chat.WaitForAsync(e => e.Payload is ChatInvitationDto { Status: InvitationStatus.Expired } i && i.InvitationId == invitation.InvitationId);
        await housekeeping.StopAsync(CancellationToken.None);

        CollectionAssert.AreEquivalent(new[] { "bob", "alice" }, closed.Recipients.ToArray());
        chat.Leases.Verify(l => l.ReleaseAsync(ChatHousekeeping.LeaseName, It.IsAny<CancellationToken>()), Times.Once, "a graceful stop gives the lease up");
    }

    /// <summary>
    /// Holding the lease, housekeeping runs every tick but asks the database for the lease again only once half of it
    /// has run: each renewal is a write on the file the chat writer commits to. Here the lease lasts 5 ticks: asked at
    /// the first tick, not at the next two (an invitation falling due meanwhile is still expired), asked again at the
    /// fourth.
    /// </summary>
    [TestMethod]
    public async Task Run_HoldingTheLease_HousekeepsEveryTickAndRenewsOnceHalfOfTheLeaseHasRun()
    {
        var options = new ChatOptions { HousekeepingInterval = TimeSpan.FromSeconds(1), LeaseDuration = TimeSpan.FromSeconds(5), InvitationExpiry = TimeSpan.FromSeconds(3) };
        await using var chat = await ChatHarness.StartAsync(options);
        var session = await chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();
        var asked = Channel.CreateUnbounded<DateTimeOffset>();
        chat.Leases.Setup(l => l.TryHoldAsync(ChatHousekeeping.LeaseName, options.LeaseDuration, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                asked.Writer.TryWrite(chat.Time.GetUtcNow());
                return true;
            });
        using var housekeeping = await StartedAsync(chat);
        var start = chat.Time.GetUtcNow();

        chat.Time.Advance(options.HousekeepingInterval);
        var firstAsked = await asked.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        chat.Time.Advance(options.HousekeepingInterval);
        chat.Time.Advance(options.HousekeepingInterval);
        var closed = await chat.WaitForAsync(e => e.Payload is ChatInvitationDto { Status: InvitationStatus.Expired } i && i.InvitationId == invitation.InvitationId);
        var askedWhileHeld = asked.Reader.Count;
        chat.Time.Advance(options.HousekeepingInterval);
        var askedAgain = await asked.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await housekeeping.StopAsync(CancellationToken.None);

        Assert.AreEqual(start + options.HousekeepingInterval, firstAsked);
        Assert.AreEqual(0, askedWhileHeld, "not asked again at the second and third ticks");
        CollectionAssert.AreEquivalent(new[] { "bob", "alice" }, closed.Recipients.ToArray());
        Assert.AreEqual(start + (4 * options.HousekeepingInterval), askedAgain, "renewed at the fourth tick, with 2 of its 5 seconds still to run");
    }

    /// <summary>The housekeeping loop on the harness's clock and options, Chat enabled, once its timer is made.</summary>
    private static async Task<ChatHousekeeping> StartedAsync(ChatHarness chat)
    {
        var modules = new Mock<IModuleStatus>();
        modules.Setup(m => m.IsEnabled(ChatConstants.ModuleId)).Returns(true);
        var time = new TimerWatchingTime(chat.Time);
        var housekeeping = new ChatHousekeeping(chat.Housekeeping, modules.Object, chat.Leases.Object, time, Microsoft.Extensions.Options.Options.Create(chat.Options), NullLogger<ChatHousekeeping>.Instance);
        await housekeeping.StartAsync(CancellationToken.None);
        await time.TimerCreated.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the loop starts on its own thread
        return housekeeping;
    }

    /// <summary>The harness's fake clock, saying when the loop has made its timer (so that advancing the clock ticks it).</summary>
    private sealed class TimerWatchingTime(TimeProvider inner) : TimeProvider
    {
        public TaskCompletionSource TimerCreated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = inner.CreateTimer(callback, state, dueTime, period);
            TimerCreated.TrySetResult();
            return timer;
        }
    }
}
