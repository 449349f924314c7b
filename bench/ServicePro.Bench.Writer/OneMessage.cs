using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicePro.Chat.Protocol;
using ServicePro.Host.Data;
using ServicePro.Modules.Chat;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Writing;

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
    private static readonly string[] Reps = ["alice", "bob", "carol", "dave", "erin"];

    private string _folder = "";
    private ModuleDatabase _database = null!;
    private ChatWriter _writer = null!;
    private SendMessageHandler _handler = null!;
    private Guid _chatSession;
    private Guid _plainSession;
    private long _plainSequence;

    /// <summary>A line a rep types: Cyrillic, CJK and an emoji.</summary>
    private const string Text = "Привет! 请查看请求 — the printer is back online 🎉";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("servicepro-bench-writer-").FullName;
        _database = new ModuleDatabase(new DatabaseOptions { DataFolder = _folder }, _folder);
        var databases = new PooledChatDbFactory(_database);
        await using (var db = databases.Create())
        {
            await _database.PrepareAsync(db, CancellationToken.None);
            await db.Database.MigrateAsync();
            _chatSession = AddSession(db);
            _plainSession = AddSession(db);
            await db.SaveChangesAsync();
        }

        var options = Options.Create(new ChatOptions());
        _writer = new ChatWriter(databases, TimeProvider.System, options, NullLogger<ChatWriter>.Instance);
        await _writer.StartAsync(CancellationToken.None);
        _handler = new SendMessageHandler(_writer, new SilentNotifier());
    }

    private static Guid AddSession(ChatDbContext db)
    {
        var now = DateTimeOffset.UtcNow;
        var session = new ChatSessionRecord { Id = Guid.NewGuid(), Originator = Reps[0], StartedAt = now, ClockRunningSince = now };
        session.Attendees.AddRange(Reps.Select(r => new ChatAttendeeRecord { SessionId = session.Id, UserName = r, JoinedAt = now }));
        db.Sessions.Add(session);
        return session.Id;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "plain SQL: read session, insert, commit")]
    public async Task PlainSqlAsync()
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
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
            insert.Parameters.AddWithValue("$author", Reps[0]);
            insert.Parameters.AddWithValue("$text", Text);
            insert.Parameters.AddWithValue("$time", DateTimeOffset.UtcNow.UtcTicks);
            insert.Parameters.AddWithValue("$client", Guid.NewGuid());
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    [Benchmark(Description = "chat: SendMessage, acknowledged")]
    public Task<ChatEntryDto> SendMessageAsync() =>
        _handler.HandleAsync(new ChatCaller(Reps[0]), new SendMessageRequest(_chatSession, Guid.NewGuid(), Text));
}
