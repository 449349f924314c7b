using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Tests.Writing;

[TestClass]
public sealed class ChatWriterTests
{
    /// <summary>
    /// A queued write shares its batch's transaction with others: its caller going away (a hub connection aborted, a
    /// circuit closed) must neither undo it nor anyone else's write in that batch.
    /// </summary>
    [TestMethod]
    public async Task Accept_CallerCancelsWhileQueued_StillStoredAndTheBatchsOtherWritesToo()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = await chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = chat.Writer.ExecuteAsync(ChatWriteMode.Alone, async _ =>
        {
            await hold.Task;
            return true;
        });
        using var caller = new CancellationTokenSource();

        var accept = chat.App.Answer.AcceptAsync(new("bob"), invitation.InvitationId, caller.Token);
        var message = chat.App.Send.HandleAsync(new("alice"), new(session.SessionId, Guid.NewGuid(), "Здравствуй, 世界 🌍"));
        await caller.CancelAsync();
        hold.SetResult();

        var joined = await accept;
        await message;
        await held;
        CollectionAssert.AreEquivalent(new[] { "alice", "bob" }, joined.Attendees.ToArray());
        await using var db = chat.Databases.Create();
        Assert.IsTrue(await db.Entries.AnyAsync(e => e.SessionId == session.SessionId && e.Text == "Здравствуй, 世界 🌍"));
    }
}
