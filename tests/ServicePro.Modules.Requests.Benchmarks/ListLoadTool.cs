using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePro.Contracts.Security;
using ServicePro.Modules.Requests.Data;
using ServicePro.Modules.Requests.Services;

namespace ServicePro.Modules.Requests.Benchmarks;

/// <summary>Seeds a SQLite file with many requests and times each list query the Requests page and tile run.</summary>
public static class ListLoadTool
{
    private static readonly string[] Users = ["admin", "alice", "bob", "carol"];
    private static readonly string[] Things = ["Printer", "VPN", "Laptop", "E-mail", "Phone", "Badge", "Monitor", "Wi-Fi", "Password", "Invoice"];
    private static readonly string[] Problems = ["down", "slow", "broken", "locked", "missing", "on fire", "not syncing", "out of toner"];

    public static async Task<int> RunAsync(int count, int runs, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("requests-load-").FullName;
        var path = Path.Combine(folder, "requests.db");
        var factory = new FileContexts($"Data Source={path}");
        try
        {
            var seed = Stopwatch.StartNew();
            await SeedAsync(factory, path, count);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {count:N0} requests into {path} in {seed.Elapsed.TotalSeconds:F1} s"));

            var service = new RequestService(factory, new NoUsers(), new NoEvents(), TimeProvider.System, NullLogger<RequestService>.Instance);
            var bob = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bob"), new Claim(ClaimTypes.Role, ServiceProRoles.Rep)], "load"));
            var scenarios = new (string Name, Func<Task<int>> Run)[]
            {
                ("first page, no filter", async () => (await service.ListAsync(new RequestQuery(), default)).Total),
                ("page 2,000 of 4,000 (offset 50,000)", async () => (await service.ListAsync(new RequestQuery(PageIndex: 1_999), default)).Items.Count),
                ("status = In progress", async () => (await service.ListAsync(new RequestQuery(Status: RequestStatus.InProgress), default)).Total),
                ("text 'printer' (title or requester contains)", async () => (await service.ListAsync(new RequestQuery("printer"), default)).Total),
                ("text 'printer' + status Resolved", async () => (await service.ListAsync(new RequestQuery("printer", RequestStatus.Resolved), default)).Total),
                ("text '#54321' (number)", async () => (await service.ListAsync(new RequestQuery("#54321"), default)).Total),
                ("text 'customer 417' (requester)", async () => (await service.ListAsync(new RequestQuery("customer 417"), default)).Total),
                ("text that matches nothing", async () => (await service.ListAsync(new RequestQuery("zzzz"), default)).Total),
                ("Workbench tile for bob", async () => (await service.GetTileSummaryAsync(bob, default)).Open.Count),
                ("open request #77777 (details + activity)", async () => (await service.GetActivityAsync(77_777, bob, default)).Count + ((await service.FindAsync(77_777, default)) is null ? 0 : 1)),
            };

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"query",-48} {"median ms",10} {"p95 ms",8} {"max ms",8} {"rows",8}"));
            foreach (var (name, run) in scenarios)
            {
                var rows = 0;
                for (var i = 0; i < 3; i++)
                {
                    rows = await run();
                }

                var times = new List<double>(runs);
                for (var i = 0; i < runs; i++)
                {
                    var watch = Stopwatch.StartNew();
                    rows = await run();
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-48} {times[times.Count / 2],10:F2} {times[(int)Math.Ceiling(times.Count * 0.95) - 1],8:F2} {times[^1],8:F2} {rows,8}"));
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SeedAsync(FileContexts factory, string path, int count)
    {
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        // Straight SQL in one transaction: seeding is not what is measured.
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO ServiceRequests (Title, Description, Requester, Status, AssignedTo, CreatedBy, CreatedAt, UpdatedAt)
            VALUES ($title, $description, $requester, $status, $assigned, $createdBy, $at, $at);
            INSERT INTO RequestActivity (RequestNumber, Kind, At, Actor, NewValue) VALUES (last_insert_rowid(), 'created', $at, $createdBy, $assigned);
            """;
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var description = insert.Parameters.Add("$description", SqliteType.Text);
        var requester = insert.Parameters.Add("$requester", SqliteType.Text);
        var status = insert.Parameters.Add("$status", SqliteType.Integer);
        var assigned = insert.Parameters.Add("$assigned", SqliteType.Text);
        var createdBy = insert.Parameters.Add("$createdBy", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var random = new Random(42);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            title.Value = $"{Things[random.Next(Things.Length)]} {Problems[random.Next(Problems.Length)]} on floor {random.Next(1, 40)}";
            description.Value = "Reported by phone; see notes.";
            requester.Value = string.Create(CultureInfo.InvariantCulture, $"Customer {random.Next(1, 2_000)}");
            status.Value = random.Next(4);
            var user = random.Next(Users.Length + 1);
            assigned.Value = user == Users.Length ? DBNull.Value : Users[user];
            createdBy.Value = Users[random.Next(Users.Length)];
            at.Value = start.AddMinutes(i * 5).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
    }

    private sealed class FileContexts(string connectionString) : IDbContextFactory<RequestsDbContext>
    {
        public RequestsDbContext CreateDbContext() =>
            new SqliteRequestsDbContext(new DbContextOptionsBuilder<SqliteRequestsDbContext>().UseSqlite(connectionString).Options);
    }
}
