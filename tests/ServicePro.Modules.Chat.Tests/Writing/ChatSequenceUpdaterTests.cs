using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Tests.Support;

namespace ServicePro.Modules.Chat.Tests.Writing;

/// <summary>
/// On SQLite a batch of messages saves its sessions' new sequence numbers with a prepared statement of its own
/// (<c>ChatSequenceUpdater</c>), not through EF's update pipeline. What a rep notices is that the next message gets the
/// next number; what must not change is that a session whose sequence moved on elsewhere is never written over.
/// </summary>
[TestClass]
public sealed class ChatSequenceUpdaterTests
{
    [TestMethod]
    public async Task SendMessage_BatchOverTwoSessions_EachSessionsSequenceSaved_NotThroughEf()
    {
        await using var chat = await ChatHarness.StartAsync();
        var first = (await chat.App.Start.HandleAsync(new("alice"), null)).SessionId;
        var second = (await chat.App.Start.HandleAsync(new("bob"), null)).SessionId;
        var (hold, _) = await chat.Writer.HoldAsync();
        var before = chat.Commands.Commands.Count;

        var sent = new[]
        {
            Send(chat, "alice", first, "Привет 你好 👋"),
            Send(chat, "bob", second, "Здравствуйте 您好 🙂"),
            Send(chat, "alice", first, "Как дела? 怎么样 🤔"),
        };
        hold.SetResult();
        var acknowledged = await Task.WhenAll(sent);

        CollectionAssert.AreEqual(new long[] { 2, 2, 3 }, acknowledged.Select(e => e.Sequence).ToArray(), "each session's own numbers, after its start");
        await using var db = chat.Databases.Create();
        Assert.AreEqual(3, (await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == first)).LastSequence);
        Assert.AreEqual(2, (await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == second)).LastSequence);
        // The harness records the commands EF runs: the batch's sessions were saved above, yet EF updated none of them.
        var batch = chat.Commands.Commands.Skip(before).ToList();
        Assert.IsFalse(batch.Any(c => c.Contains("UPDATE \"ChatSessions\"", StringComparison.Ordinal)), string.Join("\n---\n", batch));

        // The next message reads the session as saved.
        Assert.AreEqual(4, (await Send(chat, "alice", first, "Ещё 还有 ➕")).Sequence);
    }

    /// <summary>
    /// The session this writer kept says its last entry is 2, but the row's sequence has moved on to 7 (another writer on
    /// the same file). The message's own entry number is free, so only the sequence's check can stop it: the batch is
    /// rolled back and re-run carefully, which reads the row, and the message takes number 8. Red when the UPDATE does not
    /// check the number it read.
    /// </summary>
    [TestMethod]
    public async Task SendMessage_SessionsSequenceMovedOnElsewhere_RolledBackAndStoredAfterIt()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = (await chat.App.Start.HandleAsync(new("alice"), null)).SessionId;
        Assert.AreEqual(2, (await Send(chat, "alice", session, "Первое 第一 1️⃣")).Sequence);
        await using (var db = chat.Databases.Create())
        {
            await db.Sessions.Where(s => s.Id == session).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSequence, 7));
        }

        var next = await Send(chat, "alice", session, "Второе 第二 2️⃣");

        Assert.AreEqual(8, next.Sequence);
        await using var read = chat.Databases.Create();
        Assert.AreEqual(8, (await read.Sessions.AsNoTracking().SingleAsync(s => s.Id == session)).LastSequence);
        CollectionAssert.AreEqual(new long[] { 1, 2, 8 }, await read.Entries.Where(e => e.SessionId == session).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToArrayAsync(),
            "nothing stored at 3, the number the kept session would have given");
    }

    private static Task<ChatEntryDto> Send(ChatHarness chat, string rep, Guid session, string text) =>
        chat.App.Send.HandleAsync(new(rep), new(session, Guid.NewGuid(), text));
}
