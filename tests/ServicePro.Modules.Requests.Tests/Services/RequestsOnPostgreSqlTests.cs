using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePro.Modules.Requests.Data;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.Tests.Support;
using ServicePro.Testing;
using Kinds = ServicePro.Modules.Requests.RequestsConstants.ActivityKinds;

namespace ServicePro.Modules.Requests.Tests.Services;

/// <summary>
/// Requests on a real PostgreSQL server (a fresh database of this run's cluster per test): its migrations as scripts,
/// the chat-ended append, and the list's text filter, which must behave as on SQLite.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class RequestsOnPostgreSqlTests
{
    private Factory _database = null!;
    private RequestService _requests = null!;
    private ChatSessionEndedHandler _handler = null!;

    public TestContext TestContext { get; set; } = null!;

    private sealed class Factory(string connectionString) : IDbContextFactory<RequestsDbContext>
    {
        public RequestsDbContext CreateDbContext() =>
            new PostgreSqlRequestsDbContext(new DbContextOptionsBuilder<PostgreSqlRequestsDbContext>().UseNpgsql(connectionString).Options);
    }

    [TestInitialize]
    public async Task Create()
    {
        _database = new Factory(await PostgresServer.CreateDatabaseAsync(TestContext.CancellationToken));
        _requests = new RequestService(_database, new FakeUserDirectory(), new RecordingEvents(), TimeProvider.System, NullLogger<RequestService>.Instance);
        _handler = new ChatSessionEndedHandler(new ChatActivityWriter(_database), new RecordingEvents(), NullLogger<ChatSessionEndedHandler>.Instance);
    }

    [TestMethod]
    public async Task IdempotentScript_EmptyDatabaseTwice_EveryMigrationApplied()
    {
        await using var db = _database.CreateDbContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // What `dotnet ef migrations script --idempotent` writes, run as a deployment would: twice is the same as once.
        await db.Database.ExecuteSqlRawAsync(script, TestContext.CancellationToken);
        await db.Database.ExecuteSqlRawAsync(script, TestContext.CancellationToken);

        Assert.IsEmpty(await db.Database.GetPendingMigrationsAsync(TestContext.CancellationToken));
        Assert.AreEqual(0, await db.Requests.CountAsync(TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task HandleAsync_SameSessionDeliveredTwiceAndConcurrently_OneEntryWithItsTimesAndTranscript()
    {
        await MigrateAsync();
        await _requests.CreateAsync(new NewRequest("Принтер горит 🔥 打印机着火了"), Reps.Alice, TestContext.CancellationToken);
        var session = ChatSessions.Ended(1, "alice", "bob");

        await _handler.HandleAsync(session, TestContext.CancellationToken);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _handler.HandleAsync(session, TestContext.CancellationToken))));

        var entry = (await _requests.GetActivityAsync(1, Reps.Alice, TestContext.CancellationToken)).Single(e => e.Kind == Kinds.Chat);
        Assert.AreEqual(session.SessionId, entry.Chat!.SessionId);
        Assert.AreEqual(session.StartedAt.UtcDateTime, entry.Chat.StartedAt);
        Assert.AreEqual(DateTimeKind.Utc, entry.Chat.StartedAt.Kind);
        Assert.AreEqual(session.EndedAt.UtcDateTime, entry.At);
        Assert.AreEqual(session.Length, entry.Chat.Length);
        CollectionAssert.AreEqual(session.Transcript.ToArray(), entry.Chat.Transcript!.ToArray());
    }

    [TestMethod]
    public async Task HandleAsync_UnknownRequest_ThrowsSoThatTheOutboxDeliversAgain()
    {
        await MigrateAsync();

        await Assert.ThrowsExactlyAsync<RequestNotFoundException>(() => _handler.HandleAsync(ChatSessions.Ended(404, "alice"), TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task ListAsync_TextInAnotherCaseOrWithLikeWildcards_MatchesAsOnSqlite()
    {
        await MigrateAsync();
        await _requests.CreateAsync(new NewRequest("Printer on fire", Requester: "Customer 417"), Reps.Alice, TestContext.CancellationToken);
        await _requests.CreateAsync(new NewRequest("100% CPU 🔥", Requester: "Принтер-сервис"), Reps.Alice, TestContext.CancellationToken);
        await _requests.CreateAsync(new NewRequest("1000 pages", Requester: "打印机"), Reps.Alice, TestContext.CancellationToken);

        async Task<int[]> FindAsync(string text) =>
            (await _requests.ListAsync(new RequestQuery(text), TestContext.CancellationToken)).Items.Select(i => i.Number).ToArray();

        CollectionAssert.AreEqual(new[] { 1 }, await FindAsync("PRINTER"), "case does not matter, as on SQLite and SQL Server");
        CollectionAssert.AreEqual(new[] { 1 }, await FindAsync("customer 417"));
        CollectionAssert.AreEqual(new[] { 2 }, await FindAsync("100%"), "% is a character, not a wildcard");
        Assert.IsEmpty(await FindAsync("_"), "_ is a character, not a wildcard");
    }

    private async Task MigrateAsync()
    {
        await using var db = _database.CreateDbContext();
        await db.Database.MigrateAsync(TestContext.CancellationToken);
    }
}
