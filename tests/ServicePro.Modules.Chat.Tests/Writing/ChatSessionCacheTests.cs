using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Tests.Writing;

/// <summary>
/// On SQLite the writer keeps the sessions a batch of messages committed, for the next batch of messages. What a rep
/// notices: the next message is stored as before, and a kept session never lets in someone who has left.
/// </summary>
[TestClass]
public sealed class ChatSessionCacheTests
{
    [TestMethod]
    public async Task SendMessage_TheSessionsNextMessage_ReadsNeitherTheSessionNorItsAttendeesAgain()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = await JoinedSessionAsync(chat);
        await Send(chat, "bob", session, "Первое 一 🥇");
        var before = chat.Commands.Commands.Count;

        var second = await Send(chat, "alice", session, "Второе 二 🥈");

        var read = chat.Commands.Commands.Skip(before).ToList();
        Assert.AreEqual(4, second.Sequence, "start, bob joined, the first message, then this one");
        Assert.IsFalse(read.Any(c => c.Contains("FROM \"ChatSessions\"", StringComparison.Ordinal) || c.Contains("FROM \"ChatAttendees\"", StringComparison.Ordinal)), string.Join("\n---\n", read));
        var delivered = await chat.WaitForAsync(e => e.Name == "EntryAdded" && e.Payload is ChatEntryDto { Text: "Второе 二 🥈" });
        CollectionAssert.AreEquivalent(new[] { "alice", "bob" }, delivered.Recipients.ToArray());
    }

    [TestMethod]
    public async Task SendMessage_AfterTheRepLeft_RefusedAndTheOthersStillTalk()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = await JoinedSessionAsync(chat);
        await Send(chat, "bob", session, "Ухожу 走了 👋");

        await chat.App.Leave.HandleAsync(new("bob"), session);
        var refused = await Assert.ThrowsExactlyAsync<ChatException>(() => Send(chat, "bob", session, "Я ещё здесь? 还在吗 🤔"));
        var next = await Send(chat, "alice", session, "Пока 再见 🙂");

        Assert.AreEqual(ChatConstants.Errors.NotAttendee, refused.Code);
        await AssertStoredInOrderAsync(chat, session, next.Sequence);
    }

    /// <summary>
    /// Another writer on the same file (a second host, which SQLite deployments do not support) lets bob leave. The
    /// session this writer kept still lists him, yet his next message is refused, nothing is stored for it, and the
    /// dialog's sequence numbers keep no gap: the write finds the session changed and the batch is re-run carefully.
    /// </summary>
    [TestMethod]
    public async Task SendMessage_RepLeftThroughAnotherWriter_RefusedAndTheSequenceKeepsNoGap()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = await JoinedSessionAsync(chat);
        await using var mine = await WriterAsync(chat, new CapturingLogger<ChatWriter>());
        await mine.SendAsync("bob", session, "Привет 你好 👋");
        await mine.SendAsync("alice", session, "Как дела? 怎么样 🙂");

        await chat.Writer.ExecuteAsync(ChatWriteMode.Alone, async w =>
        {
            (await w.LiveSessionAsync(session)).Leave("bob", w.Now);
            return true;
        });
        var refused = await Assert.ThrowsExactlyAsync<ChatException>(() => mine.SendAsync("bob", session, "Меня не видно? 看不见我 🙈"));
        var next = await mine.SendAsync("alice", session, "Он ушёл 他走了 🚪");

        Assert.AreEqual(ChatConstants.Errors.NotAttendee, refused.Code);
        Assert.AreEqual(6, next.Sequence, "start, bob joined, two messages, bob left, then this one");
        await AssertStoredInOrderAsync(chat, session, next.Sequence);
    }

    /// <summary>
    /// Two writers taking turns on one session: every kept session is stale, so each batch would be rolled back. After
    /// <see cref="ChatSessionCache.MissesTolerated"/> such rollbacks the writer says so once and stops keeping sessions;
    /// every message is stored, in order.
    /// </summary>
    [TestMethod]
    public async Task SendMessage_AnotherWriterKeepsChangingTheSession_CacheTurnsItselfOffAndEveryMessageIsStored()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = await JoinedSessionAsync(chat);
        var log = new CapturingLogger<ChatWriter>();
        await using var mine = await WriterAsync(chat, log);

        ChatEntryDto last = null!;
        for (var i = 1; i <= 2 * ChatSessionCache.MissesTolerated; i++)
        {
            await mine.SendAsync("alice", session, $"Мой ход {i} 我的 ♟️");
            last = await Send(chat, "bob", session, $"Твой ход {i} 你的 ♞");
        }

        Assert.AreEqual(2 + (4 * ChatSessionCache.MissesTolerated), last.Sequence);
        await AssertStoredInOrderAsync(chat, session, last.Sequence);
        Assert.AreEqual(ChatSessionCache.MissesTolerated, log.Entries.Count(e => e.Message.Contains("rolled back; writing them again in halves", StringComparison.Ordinal)));
        Assert.ContainsSingle(log.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("another writer", StringComparison.Ordinal)));
    }

    private static async Task<SecondWriter> WriterAsync(ChatHarness chat, CapturingLogger<ChatWriter> log)
    {
        var writer = new ChatWriter(chat.Databases, chat.Time, Options.Create(chat.Options), log);
        await writer.StartAsync(CancellationToken.None);
        return new SecondWriter(writer, new SendMessageHandler(writer, chat.Notifier));
    }

    /// <summary>A second writer on the harness's file, as another host's would be, with its own message handler.</summary>
    private sealed class SecondWriter(ChatWriter writer, SendMessageHandler send) : IAsyncDisposable
    {
        public Task<ChatEntryDto> SendAsync(string rep, Guid session, string text) =>
            send.HandleAsync(new(rep), new(session, Guid.NewGuid(), text));

        public async ValueTask DisposeAsync()
        {
            await writer.StopAsync(CancellationToken.None);
            writer.Dispose();
        }
    }

    private static async Task<Guid> JoinedSessionAsync(ChatHarness chat)
    {
        var session = await chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();
        await chat.App.Answer.AcceptAsync(new("bob"), invitation.InvitationId);
        return session.SessionId;
    }

    private static Task<ChatEntryDto> Send(ChatHarness chat, string rep, Guid session, string text) =>
        chat.App.Send.HandleAsync(new(rep), new(session, Guid.NewGuid(), text));

    private static async Task AssertStoredInOrderAsync(ChatHarness chat, Guid session, long last)
    {
        await using var db = chat.Databases.Create();
        var sequences = await db.Entries.Where(e => e.SessionId == session).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        CollectionAssert.AreEqual(Enumerable.Range(1, (int)last).Select(i => (long)i).ToArray(), sequences.ToArray());
    }
}
