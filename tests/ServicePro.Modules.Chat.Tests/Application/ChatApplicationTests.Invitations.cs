using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.Tests.Application;

/// <summary>What happens to invitations still pending when their session ends.</summary>
public sealed partial class ChatApplicationTests
{
    [TestMethod]
    public async Task LeaveSession_OriginatorEndsWithAnInvitationPending_InvitationCancelledBothToldAndAcceptRefused()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();

        var ended = await _chat.App.Leave.HandleAsync(new("alice"), session.SessionId);

        Assert.IsNotNull(ended);
        Assert.IsEmpty(await _chat.App.Queries.GetMyInvitationsAsync(new("bob")), "no longer offered to bob (his pop-up goes)");
        var closed = await _chat.WaitForAsync(e => e.Name == "InvitationClosed" && e.Payload is ChatInvitationDto { Status: InvitationStatus.Cancelled });
        CollectionAssert.AreEquivalent(new[] { "bob", "alice" }, closed.Recipients.ToArray());
        Assert.AreEqual(invitation.InvitationId, ((ChatInvitationDto)closed.Payload).InvitationId);
        var error = await Assert.ThrowsExactlyAsync<ChatException>(() => _chat.App.Answer.AcceptAsync(new("bob"), invitation.InvitationId));
        Assert.AreEqual(ChatConstants.Errors.InvitationClosed, error.Code);
        StringAssert.Contains(error.Message, "Cancelled");
    }

    [TestMethod]
    public async Task EndAbandonedSessions_OriginatorGoneWithAnInvitationPending_InvitationCancelled()
    {
        var session = await _chat.App.Start.HandleAsync(new("alice"), null);
        await _chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["carol"]);
        _chat.Presence.Disconnected("alice", "alice-1");
        _chat.Time.Advance(_chat.Options.OriginatorGracePeriod + TimeSpan.FromSeconds(1));

        await _chat.Housekeeping.EndAbandonedSessionsAsync();

        Assert.IsEmpty(await _chat.App.Queries.GetMyInvitationsAsync(new("carol")));
        await _chat.WaitForAsync(e => e.Name == "InvitationClosed" && e.Recipients.Contains("carol") && e.Payload is ChatInvitationDto { Status: InvitationStatus.Cancelled });
    }
}
