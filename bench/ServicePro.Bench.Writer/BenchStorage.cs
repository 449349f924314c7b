using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicePro.Host.Data;
using ServicePro.Modules.Chat;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Bench.Writer;

/// <summary>
/// The chat's storage as the host runs it, in a folder of its own: SQLite configured by the host's
/// <see cref="ModuleDatabase"/>, the chat's migrations, the factory the module registers, a running
/// <see cref="ChatWriter"/> and the <see cref="SendMessageHandler"/> in front of it; and sessions of five reps.
/// </summary>
internal sealed class BenchStorage : IAsyncDisposable
{
    public static readonly string[] Reps = ["alice", "bob", "carol", "dave", "erin"];

    /// <summary>A line a rep types: Cyrillic, CJK and an emoji.</summary>
    public const string Text = "Привет! 请查看请求 — the printer is back online 🎉";

    private readonly string _folder;
    private readonly ChatWriter _writer;

    private BenchStorage(string folder, ModuleDatabase database, ChatWriter writer, Guid[] sessions)
    {
        _folder = folder;
        _writer = writer;
        Database = database;
        Sessions = sessions;
        Handler = new SendMessageHandler(writer, new SilentNotifier());
    }

    public ModuleDatabase Database { get; }

    public SendMessageHandler Handler { get; }

    /// <summary>The sessions made at the start, each with the five <see cref="Reps"/> in it.</summary>
    public Guid[] Sessions { get; }

    public static async Task<BenchStorage> CreateAsync(string name, int sessions)
    {
        var folder = Directory.CreateTempSubdirectory($"servicepro-bench-{name}-").FullName;
        var database = new ModuleDatabase(new DatabaseOptions { DataFolder = folder }, folder);
        var databases = new PooledChatDbFactory(database);
        Guid[] ids;
        await using (var db = databases.Create())
        {
            await database.PrepareAsync(db, CancellationToken.None);
            await db.Database.MigrateAsync();
            ids = [.. Enumerable.Range(0, sessions).Select(_ => AddSession(db))];
            await db.SaveChangesAsync();
        }

        var writer = new ChatWriter(databases, TimeProvider.System, Options.Create(new ChatOptions()), NullLogger<ChatWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        return new BenchStorage(folder, database, writer, ids);
    }

    private static Guid AddSession(ChatDbContext db)
    {
        var now = DateTimeOffset.UtcNow;
        var session = new ChatSessionRecord { Id = Guid.NewGuid(), Originator = Reps[0], StartedAt = now, ClockRunningSince = now };
        session.Attendees.AddRange(Reps.Select(r => new ChatAttendeeRecord { SessionId = session.Id, UserName = r, JoinedAt = now }));
        db.Sessions.Add(session);
        return session.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
