using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Chat;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Tests.Writing;

/// <summary>
/// On SQLite a batch's messages are inserted by <see cref="ChatEntryInserter"/>, not through EF's change tracker. What
/// it stores must be what EF stores, read back as acknowledged, and be in the database before any write saved alone
/// later in the same batch reads it.
/// </summary>
[TestClass]
public sealed class ChatEntryInserterTests
{
    [TestMethod]
    public async Task SendMessage_BatchOfMessages_StoredInEfsOwnFormat_ReadBackAsAcknowledged_WithoutEfsInserts()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = await chat.App.Start.HandleAsync(new("alice"), null);
        var invitation = (await chat.App.Invite.HandleAsync(new("alice"), session.SessionId, ["bob"])).Single();
        await chat.App.Answer.AcceptAsync(new("bob"), invitation.InvitationId);
        var longest = AtMost(ChatConstants.MaxMessageLength, "Привет, 世界 🌍 ");
        var (hold, _) = await chat.Writer.HoldAsync();
        var before = chat.Commands.Commands.Count;

        var sent = new[]
        {
            chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), longest)),
            chat.App.Send.HandleAsync(new("bob"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "секрет 秘密 🤫", "alice")),
            chat.App.Send.HandleAsync(new("bob"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "Ответ 回答 ✅")),
        };
        hold.SetResult();
        var acknowledged = await Task.WhenAll(sent);

        var batch = chat.Commands.Commands.Skip(before).ToList();
        Assert.IsFalse(batch.Any(c => c.Contains("INSERT INTO \"ChatEntries\"", StringComparison.Ordinal)), string.Join("\n---\n", batch));
        await using var db = chat.Databases.Create();
        var stored = await db.Entries.AsNoTracking().Where(e => e.SessionId == session.SessionId && e.Kind == TranscriptLineKind.Message).OrderBy(e => e.Sequence).ToListAsync();
        Assert.HasCount(3, stored);
        for (var i = 0; i < 3; i++)
        {
            Assert.AreEqual(acknowledged[i], ChatDtos.Entry(stored[i]), $"message {i} reads back as it was acknowledged");
        }

        Assert.AreEqual(longest, stored[0].Text);
        Assert.AreEqual("alice", stored[1].OffTheRecordWith);
        Assert.AreEqual(acknowledged[2].Time, stored[2].Time);
        var byClientId = await db.Entries.AsNoTracking().SingleAsync(e => e.ClientMessageId == acknowledged[1].ClientMessageId);
        Assert.AreEqual(acknowledged[1].Sequence, byClientId.Sequence, "found by its client id as EF writes it (the resend check)");

        // The same columns in the same storage classes as the session's first entry, which EF inserted.
        var rows = await RawRowsAsync(db, session.SessionId);
        Assert.AreEqual(1, rows.Select(r => r.SessionId).Distinct().Count(), "one session id text for EF's row and the inserted ones");
        Assert.AreEqual(1, rows.Select(r => r.Types).Distinct().Count(), string.Join("; ", rows.Select(r => r.Types)));
    }

    [TestMethod]
    public async Task LeaveSession_QueuedBehindMessagesInTheSameBatch_TheTranscriptHasThem()
    {
        await using var chat = await ChatHarness.StartAsync();
        var session = await chat.App.Start.HandleAsync(new("alice"), null);
        var (hold, _) = await chat.Writer.HoldAsync();

        var first = chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "Первое 第一 1️⃣"));
        var second = chat.App.Send.HandleAsync(new("alice"), new SendMessageRequest(session.SessionId, Guid.NewGuid(), "Второе 第二 2️⃣"));
        var ended = chat.App.Leave.HandleAsync(new("alice"), session.SessionId);
        hold.SetResult();
        await Task.WhenAll(first, second, ended);

        await using var db = chat.Databases.Create();
        var published = System.Text.Json.JsonSerializer.Deserialize<ChatSessionEndedEvent>((await db.Outbox.SingleAsync()).Payload)!;
        CollectionAssert.IsSubsetOf(new[] { "Первое 第一 1️⃣", "Второе 第二 2️⃣" }, published.Transcript.Select(l => l.Text).ToArray());
    }

    /// <summary>Text of at most <paramref name="length"/> UTF-16 units from <paramref name="pattern"/>, no surrogate pair cut.</summary>
    private static string AtMost(int length, string pattern)
    {
        var text = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(string.Concat(Enumerable.Repeat(pattern, length / pattern.Length + 1)));
        while (elements.MoveNext() && text.Length + elements.GetTextElement().Length <= length)
        {
            text.Append(elements.GetTextElement());
        }

        return text.ToString();
    }

    private static async Task<List<(string SessionId, string Types)>> RawRowsAsync(DbContext db, Guid sessionId)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "SessionId", typeof("SessionId") || ' ' || typeof("Sequence") || ' ' || typeof("Kind") || ' ' || typeof("Author") || ' ' || typeof("Text") || ' ' || typeof("Time")
            FROM "ChatEntries" WHERE upper("SessionId") = $id
            """;
        command.Parameters.AddWithValue("$id", sessionId.ToString().ToUpperInvariant());
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        Assert.IsGreaterThanOrEqualTo(5, rows.Count, "the start, bob's join and the three messages");
        return rows;
    }
}
