using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ServicePro.Contracts.Chat;
using ServicePro.Modules.Chat.Hubs;
using ServicePro.Modules.Chat.Tests.Support;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Integration;

/// <summary>The chat-ended event reaches its handler exactly once, even when the host stops between the end and the dispatch.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ChatTranscriptOutboxTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task SessionEnd_HostKilledBeforeDispatchThenHandlerFailsOnce_HandledExactlyOnceAfterRestart()
    {
        var recordFile = Path.Combine(Directory.CreateTempSubdirectory("servicepro-chat-record-").FullName, "ended.jsonl");
        var host = await ChatHostFixture.StartAsync(recordFile, new Dictionary<string, string> { ["Modules:chat:HoldOutboxDispatch"] = "true" }, TestContext.CancellationToken);
        try
        {
            Guid sessionId;
            await using (var alice = await ChatHostFixture.ConnectAsync(host, "alice"))
            {
                var session = await alice.Connection.InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, (int?)42);
                sessionId = session.SessionId;
                await alice.Connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, new SendMessageRequest(sessionId, Guid.NewGuid(), "for the record"));
                var ended = await alice.Connection.InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, sessionId);
                Assert.IsNotNull(ended, "the originator leaving ends the session");
            }

            // The end is committed with its event in the outbox, but dispatch is held: nothing handled yet.
            Assert.IsFalse(File.Exists(recordFile) && (await File.ReadAllTextAsync(recordFile)).Contains(sessionId.ToString(), StringComparison.Ordinal));

            // Killed, then started on the same data folder; the recorder's first call fails ("not handled, retry later").
            host = await host.RestartAsync(
                ChatHostFixture.Settings(recordFile, new Dictionary<string, string> { ["Modules:chatrecorder:FailTimes"] = "1" }),
                TestContext.CancellationToken);
            await host.WaitForOutputAsync($"session {sessionId} dispatched", TimeSpan.FromSeconds(30));

            var handled = (await File.ReadAllLinesAsync(recordFile))
                .Select(l => JsonSerializer.Deserialize<ChatSessionEndedEvent>(l)!)
                .Where(e => e.SessionId == sessionId)
                .ToList();
            Assert.HasCount(1, handled);
            Assert.AreEqual(42, handled[0].RequestNumber);
            Assert.IsTrue(handled[0].Transcript.Any(l => l.Kind == TranscriptLineKind.Message && l.Text == "for the record"));
            StringAssert.Contains(host.Output, "was not handled (attempt 1)");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
