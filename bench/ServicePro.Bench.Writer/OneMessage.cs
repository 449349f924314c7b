using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using ServicePro.Chat.Protocol;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Bench.Writer;

/// <summary>
/// One message at a time, each acknowledged before the next is sent: every message is a batch of its own, as at the
/// low rates of the load tool's ladder. The chat's path (handler, writer queue, batch, commit) against the same
/// storage in plain SQL on the same file: read the session and its attendees, insert the entry, move the sequence on,
/// commit.
/// </summary>
[Config(typeof(WriterBenchConfig))]
public class OneMessage
{
    private BenchStorage _storage = null!;
    private Guid _chatSession;
    private Guid _plainSession;
    private long _plainSequence;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _storage = await BenchStorage.CreateAsync("writer", sessions: 2);
        _chatSession = _storage.Sessions[0];
        _plainSession = _storage.Sessions[1];
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _storage.DisposeAsync();

    [Benchmark(Baseline = true, Description = "plain SQL: read session, insert, commit")]
    public async Task PlainSqlAsync()
    {
        await using var connection = new SqliteConnection(_storage.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = """
                SELECT s."LastSequence", a."UserName", a."LeftAt" FROM "ChatSessions" s
                LEFT JOIN "ChatAttendees" a ON a."SessionId" = s."Id" WHERE s."Id" = $id
                """;
            read.Parameters.AddWithValue("$id", _plainSession);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _plainSequence = reader.GetInt64(0);
            }
        }

        _plainSequence++;
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO "ChatEntries" ("SessionId", "Sequence", "Kind", "Author", "Text", "Time", "ClientMessageId", "OffTheRecordWith")
                VALUES ($id, $sequence, 0, $author, $text, $time, $client, NULL);
                UPDATE "ChatSessions" SET "LastSequence" = $sequence WHERE "Id" = $id;
                """;
            insert.Parameters.AddWithValue("$id", _plainSession);
            insert.Parameters.AddWithValue("$sequence", _plainSequence);
            insert.Parameters.AddWithValue("$author", BenchStorage.Reps[0]);
            insert.Parameters.AddWithValue("$text", BenchStorage.Text);
            insert.Parameters.AddWithValue("$time", DateTimeOffset.UtcNow.UtcTicks);
            insert.Parameters.AddWithValue("$client", Guid.NewGuid());
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    [Benchmark(Description = "chat: SendMessage, acknowledged")]
    public Task<ChatEntryDto> SendMessageAsync() =>
        _storage.Handler.HandleAsync(new ChatCaller(BenchStorage.Reps[0]), new SendMessageRequest(_chatSession, Guid.NewGuid(), BenchStorage.Text));
}
