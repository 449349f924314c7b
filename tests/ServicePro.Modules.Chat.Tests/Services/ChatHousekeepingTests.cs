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
        var modules = new Mock<IModuleStatus>();
        modules.Setup(m => m.IsEnabled(ChatConstants.ModuleId)).Returns(true);
        var time = new TimerWatchingTime(chat.Time);
        using var housekeeping = new ChatHousekeeping(chat.Housekeeping, modules.Object, chat.Leases.Object, time, Microsoft.Extensions.Options.Options.Create(chat.Options), NullLogger<ChatHousekeeping>.Instance);
        await housekeeping.StartAsync(CancellationToken.None);
        await time.TimerCreated.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the loop starts on its own thread

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
