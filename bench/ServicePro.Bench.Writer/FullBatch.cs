using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePro.Chat.Protocol;
using ServicePro.Host.Data;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Bench.Writer;

/// <summary>
/// Messages as they come at the ladder's top rates: <see cref="Messages"/> sent at once, spread over
/// <see cref="Sessions"/> sessions of five, so that the writer takes them in batches of hundreds. The database already
/// holds <see cref="Stored"/> entries (10,000 msgs/s fill it with 400,000 in 40 s). Plain SQL stores the same messages
/// in one transaction (one query for the sessions, one insert command run for each message, one update per session, one
/// commit): the baseline on a connection with SQLite's default settings, and once more with the settings the host gives
/// its connections (<see cref="SqliteConnectionSettings"/>), which the chat's path has as well.
/// </summary>
[Config(typeof(WriterBenchConfig))]
public class FullBatch
{
    private const int Sessions = 200;

    private const int Messages = 500;

    private BenchStorage _storage = null!;

    // The same file through a pool of its own, whose connections keep SQLite's default settings.
    private string _defaults = "";
    private Guid[] _chatSessions = [];
    private Guid[] _plainSessions = [];
    private readonly Task<ChatEntryDto>[] _sent = new Task<ChatEntryDto>[Messages];

    /// <summary>Entries stored before the measurement starts.</summary>
    [Params(0, 400_000)]
    public int Stored { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _storage = await BenchStorage.CreateAsync("batch", 2 * Sessions);
        _chatSessions = _storage.Sessions[..Sessions];
        _plainSessions = _storage.Sessions[Sessions..];
        _defaults = new SqliteConnectionStringBuilder(_storage.Database.ConnectionString) { Cache = SqliteCacheMode.Private }.ToString();
        await FillAsync();
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _storage.DisposeAsync();

    /// <summary>The stored entries, half in the chat's sessions and half in the baseline's, each session's numbered on.</summary>
    private async Task FillAsync()
    {
        if (Stored == 0)
        {
            return;
        }

        await using var connection = new SqliteConnection(_storage.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var sessions = _chatSessions.Concat(_plainSessions).ToArray();
        var perSession = Stored / sessions.Length;
        await using (var insert = Insert(connection))
        {
            foreach (var session in sessions)
            {
                for (var sequence = 1L; sequence <= perSession; sequence++)
                {
                    Bind(insert, session, sequence, BenchStorage.Reps[sequence % BenchStorage.Reps.Length]);
                    await insert.ExecuteNonQueryAsync();
                }
            }
        }

        await using (var update = connection.CreateCommand())
        {
            update.CommandText = """UPDATE "ChatSessions" SET "LastSequence" = $sequence""";
            update.Parameters.AddWithValue("$sequence", (long)perSession);
            await update.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static SqliteCommand Insert(SqliteConnection connection)
    {
        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "ChatEntries" ("SessionId", "Sequence", "Kind", "Author", "Text", "Time", "ClientMessageId", "OffTheRecordWith")
            VALUES ($id, $sequence, 0, $author, $text, $time, $client, NULL)
            """;
        insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.Add("$sequence", SqliteType.Integer);
        insert.Parameters.Add("$author", SqliteType.Text);
        insert.Parameters.Add("$text", SqliteType.Text);
        insert.Parameters.Add("$time", SqliteType.Integer);
        insert.Parameters.Add("$client", SqliteType.Text);
        return insert;
    }

    private static void Bind(SqliteCommand insert, Guid session, long sequence, string author)
    {
        insert.Parameters["$id"].Value = session.ToString().ToUpperInvariant();
        insert.Parameters["$sequence"].Value = sequence;
        insert.Parameters["$author"].Value = author;
        insert.Parameters["$text"].Value = BenchStorage.Text;
        insert.Parameters["$time"].Value = DateTimeOffset.UtcNow.UtcTicks;
        insert.Parameters["$client"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
    }

    [Benchmark(Baseline = true, Description = "plain SQL, SQLite's defaults: 500 messages, one transaction")]
    public Task PlainSqlDefaultsAsync() => PlainSqlAsync(_defaults, hostSettings: false);

    [Benchmark(Description = "plain SQL, the host's settings: 500 messages, one transaction")]
    public Task PlainSqlHostSettingsAsync() => PlainSqlAsync(_storage.Database.ConnectionString, hostSettings: true);

    private async Task PlainSqlAsync(string connectionString, bool hostSettings)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        if (hostSettings)
        {
            await SqliteConnectionSettings.ApplyAsync(connection);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var sequences = new Dictionary<Guid, long>(Sessions);
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = """
                SELECT s."Id", s."LastSequence", a."UserName", a."LeftAt" FROM "ChatSessions" s
                JOIN "ChatAttendees" a ON a."SessionId" = s."Id" WHERE s."Id" IN (SELECT value FROM json_each($ids))
                """;
            read.Parameters.AddWithValue("$ids", "[" + string.Join(',', _plainSessions.Select(s => $"\"{s.ToString().ToUpperInvariant()}\"")) + "]");
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sequences[reader.GetGuid(0)] = reader.GetInt64(1);
            }
        }

        await using (var insert = Insert(connection))
        {
            for (var i = 0; i < Messages; i++)
            {
                var session = _plainSessions[i % Sessions];
                var sequence = sequences[session] + 1;
                sequences[session] = sequence;
                Bind(insert, session, sequence, BenchStorage.Reps[i % BenchStorage.Reps.Length]);
                await insert.ExecuteNonQueryAsync();
            }
        }

        await using (var update = connection.CreateCommand())
        {
            update.CommandText = """UPDATE "ChatSessions" SET "LastSequence" = $sequence WHERE "Id" = $id""";
            var id = update.Parameters.Add("$id", SqliteType.Text);
            var sequence = update.Parameters.Add("$sequence", SqliteType.Integer);
            foreach (var (session, last) in sequences)
            {
                id.Value = session.ToString().ToUpperInvariant();
                sequence.Value = last;
                await update.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    [Benchmark(Description = "chat: 500 SendMessage at once, all acknowledged")]
    public async Task SendMessagesAsync()
    {
        for (var i = 0; i < Messages; i++)
        {
            _sent[i] = _storage.Handler.HandleAsync(new ChatCaller(BenchStorage.Reps[i % BenchStorage.Reps.Length]), new SendMessageRequest(_chatSessions[i % Sessions], Guid.NewGuid(), BenchStorage.Text));
        }

        await Task.WhenAll(_sent);
    }
}
