using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using ServicePro.Contracts.Chat;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Integration;

/// <summary>
/// The chat-ended event reaches its handlers through the outbox: again after a kill that came before the dispatched
/// mark, never again once the mark is stored. The ChatRecorder test module counts deliveries (it does not deduplicate).
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatTranscriptOutboxTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task SessionEnd_HostKilledWhileTheHandlerFailsThenItFailsOnceMore_HandledExactlyOnceAfterRestart()
    {
        var recordFile = RecordFile();

        // The handler cannot take the event yet: it stays in the outbox, retried, until the host is killed.
        var host = await ChatHostFixture.StartAsync(recordFile, new Dictionary<string, string> { ["Modules:chatrecorder:FailTimes"] = "1000000" }, TestContext.CancellationToken);
        try
        {
            var sessionId = await EndASessionAsync(host, 42, "for the record");
            await host.WaitForOutputAsync($"session {sessionId} was not handled (attempt 1)", TimeSpan.FromSeconds(30));
            Assert.IsEmpty(await DeliveriesAsync(recordFile, sessionId), "nothing handled before the kill");

            // Killed, then started on the same data folder; the recorder's first call fails ("not handled, retry later").
            host = await host.RestartAsync(
                ChatHostFixture.Settings(recordFile, new Dictionary<string, string> { ["Modules:chatrecorder:FailTimes"] = "1" }),
                TestContext.CancellationToken);
            await host.WaitForOutputAsync($"session {sessionId} dispatched", TimeSpan.FromSeconds(30));

            var handled = await DeliveriesAsync(recordFile, sessionId);
            Assert.HasCount(1, handled);
            Assert.AreEqual(42, handled[0].RequestNumber);
            Assert.IsTrue(handled[0].Transcript.Any(l => l.Kind == Contracts.Chat.TranscriptLineKind.Message && l.Text == "for the record"));
            StringAssert.Contains(host.Output, $"session {sessionId} was not handled", "the first call after the restart failed and was retried");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task SessionEnd_HostKilledAfterDeliveryBeforeTheDelete_DeliveredOnceMoreThenDeletedAndNeverAgain()
    {
        var recordFile = RecordFile();

        // The handler records the event, then never returns: the publish succeeded but the outbox never hears of it.
        var host = await ChatHostFixture.StartAsync(recordFile, new Dictionary<string, string> { ["Modules:chatrecorder:HoldAfterRecording"] = "true" }, TestContext.CancellationToken);
        try
        {
            var sessionId = await EndASessionAsync(host, 7, "Привет, 世界 👋");
            await host.WaitForOutputAsync($"Chat recorder recorded session {sessionId}", TimeSpan.FromSeconds(30));
            Assert.DoesNotContain($"session {sessionId} dispatched", host.Output);

            host = await host.RestartAsync(ChatHostFixture.Settings(recordFile), TestContext.CancellationToken);
            await host.WaitForOutputAsync($"session {sessionId} dispatched", TimeSpan.FromSeconds(30));
            var afterFirstRestart = await DeliveriesAsync(recordFile, sessionId);
            Assert.HasCount(2, afterFirstRestart, "not deleted before the kill, so delivered again after it (handlers deduplicate on the session id)");
            Assert.IsTrue(afterFirstRestart.All(e => e.Transcript.Any(l => l.Text == "Привет, 世界 👋")));
            Assert.IsTrue(await IsOutboxRowGoneAsync(host, sessionId), "the outbox row is deleted once dispatched");

            // Started once more after the delete: a later session's event goes out (in outbox order, after any older
            // pending one), and the first one is not delivered again.
            host = await host.RestartAsync(ChatHostFixture.Settings(recordFile), TestContext.CancellationToken);
            var later = await EndASessionAsync(host, null, "later");
            await host.WaitForOutputAsync($"session {later} dispatched", TimeSpan.FromSeconds(30));

            Assert.HasCount(1, await DeliveriesAsync(recordFile, later));
            Assert.HasCount(2, await DeliveriesAsync(recordFile, sessionId), "a restart after the delete delivers nothing again");
        }
        catch (TimeoutException ex)
        {
            throw new AssertFailedException($"Timed out; host output:\n{host.Output}", ex);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static string RecordFile() =>
        Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");

    /// <summary>Alice starts a session, says <paramref name="text"/> and leaves, which ends it.</summary>
    private static async Task<Guid> EndASessionAsync(HostProcess host, int? requestNumber, string text)
    {
        await using var alice = await ChatHostFixture.ConnectAsync(host, "alice");
        var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, requestNumber);
        await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(session.SessionId, Guid.NewGuid(), text));
        var ended = await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, session.SessionId);
        Assert.IsNotNull(ended, "the originator leaving ends the session");
        return session.SessionId;
    }

    private static async Task<List<ChatSessionEndedEvent>> DeliveriesAsync(string recordFile, Guid sessionId) =>
        !File.Exists(recordFile)
            ? []
            : (await File.ReadAllLinesAsync(recordFile))
                .Select(l => JsonSerializer.Deserialize<ChatSessionEndedEvent>(l)!)
                .Where(e => e.SessionId == sessionId)
                .ToList();

    private static async Task<bool> IsOutboxRowGoneAsync(HostProcess host, Guid sessionId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.WorkDirectory, "data", "servicepro.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ChatOutbox WHERE upper(SessionId) = upper($id)";
        command.Parameters.AddWithValue("$id", sessionId.ToString());
        return (long)(await command.ExecuteScalarAsync())! == 0;
    }
}
