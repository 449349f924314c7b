using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Integration;

/// <summary>Invitation expiry and the originator's grace period on the real host, with short configured times.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
[DoNotParallelize]
public sealed class ChatTimeoutsIntegrationTests
{
    private static HostProcess s_host = null!;

    [ClassInitialize]
    public static async Task StartHost(TestContext context)
    {
        var recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        s_host = await ChatHostFixture.StartAsync(
            recordFile,
            new Dictionary<string, string>
            {
                ["Modules:chat:InvitationExpiry"] = "00:00:03",
                ["Modules:chat:OriginatorGracePeriod"] = "00:00:01",
                ["Modules:chat:HousekeepingInterval"] = "00:00:00.200",
            },
            context.CancellationToken);
    }

    [ClassCleanup]
    public static async Task StopHost() => await s_host.DisposeAsync();

    [TestMethod]
    public async Task Invitation_NotAnswered_ExpiresForInviteeAndInviterAndCannotBeAccepted()
    {
        await using var alice = await ChatHostFixture.ConnectAsync(s_host, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(s_host, "bob");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        var invitation = (await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "bob" })).Single();

        var expiredAtBob = await bob.WaitForAsync<ChatInvitationDto>(i => i.InvitationId == invitation.InvitationId && i.Status == InvitationStatus.Expired);
        var expiredAtAlice = await alice.WaitForAsync<ChatInvitationDto>(i => i.InvitationId == invitation.InvitationId && i.Status == InvitationStatus.Expired);
        var error = await Assert.ThrowsExactlyAsync<Microsoft.AspNetCore.SignalR.HubException>(() => bob.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, invitation.InvitationId));

        Assert.AreEqual(invitation.InvitationId, expiredAtBob.InvitationId);
        Assert.AreEqual(invitation.InvitationId, expiredAtAlice.InvitationId);
        StringAssert.Contains(error.Message, $"{ChatConstants.Errors.InvitationClosed}: ");
        await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId);
    }

    [TestMethod]
    public async Task Originator_DisconnectedLongerThanGrace_SessionEndsForTheOthers()
    {
        var alice = await ChatHostFixture.ConnectAsync(s_host, "alice");
        await using var bob = await ChatHostFixture.ConnectAsync(s_host, "bob");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)null);
        await alice.Connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, session.SessionId, new[] { "bob" });
        var invitation = await bob.WaitForAsync<ChatInvitationDto>(i => i.SessionId == session.SessionId && i.Status == InvitationStatus.Pending);
        await bob.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, invitation.InvitationId);

        await alice.DisposeAsync();

        var ended = await bob.WaitForAsync<SessionEndedDto>(e => e.SessionId == session.SessionId);
        Assert.AreEqual(ChatSession.ReasonOriginatorDisconnected, ended.Reason);
    }
}
