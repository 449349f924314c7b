using ServicePro.Bench.Chat;
using ServicePro.Testing;

// dotnet run -c Release --project bench/ServicePro.Bench.Chat -- [--reps 1000] [--group 5] [--rates 250,1000,2000,3000]
//   [--seconds 10] [--warmup 3] [--prime 20] [--prime-rate 1000] [--hosts URL,URL | --start-hosts K] [--setting Key=Value]… [--out NAME]
// See README.md beside this file.
if (args is [ChatBenchOptions.BareHubSwitch, ..])
{
    await BareHubServer.RunAsync();
    return 0;
}

var options = ChatBenchOptions.Parse(args);
var log = Console.Error;
var started = DateTimeOffset.UtcNow;
var loadBefore = await RunInfo.LoadAverageAsync();
var commit = await RunInfo.CommitAsync();

await using var hosts = await BenchHosts.StartAsync(options, log);
await log.WriteLineAsync($"Chat: {hosts.Description}");
await log.WriteLineAsync($"Signing in {options.Reps} reps…");
var (accounts, signInTime) = await RepSignIn.SignInAllAsync(hosts.Addresses, options.Reps, options.Password, log, CancellationToken.None);

FleetRun bare;
await using (var bareHub = await BareHubProcess.StartAsync())
{
    await log.WriteLineAsync($"Bare relay hub at {bareHub.BaseAddress}");
    var ladder = new RateLadder(options);
    bare = await RunFleetAsync("bare", new BareFleet(bareHub.BaseAddress, options.Reps, options.Group, ladder.OnDelivered), ladder, [bareHub.Gauge]);
}

await log.WriteLineAsync("Disk flush before the chat…");
var flushBefore = await DiskFlush.MeasureAsync(CancellationToken.None);
var chatLadder = new RateLadder(options);
var chat = await RunFleetAsync("chat", new ChatFleet(hosts.Addresses, accounts, options.Group, chatLadder.OnDelivered), chatLadder, hosts.Gauges);
await log.WriteLineAsync("Disk flush after the chat…");
var flushAfter = await DiskFlush.MeasureAsync(CancellationToken.None);

var report = new ChatBenchReport(options, commit, started, hosts.Description, signInTime, bare, chat, loadBefore, await RunInfo.LoadAverageAsync())
{
    FlushBefore = flushBefore,
    FlushAfter = flushAfter,
};
var markdown = report.ToMarkdown();
Console.WriteLine(markdown);
if (options.OutputName is { } name)
{
    var path = Path.Combine(TestPaths.RepositoryRoot, "bench", "ServicePro.Bench.Chat", "results", name + ".md");
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    await File.WriteAllTextAsync(path, markdown);
    await log.WriteLineAsync($"Written to {path}");
}

return 0;

async Task<FleetRun> RunFleetAsync(string name, RelayFleet fleet, RateLadder ladder, IReadOnlyList<ProcessGauge?> servers)
{
    await using (fleet)
    {
        var before = await ResidentAsync(servers);
        await log.WriteLineAsync($"{name}: connecting {options.Reps} reps…");
        var connectTime = await fleet.ConnectAsync(CancellationToken.None);
        var after = await ResidentAsync(servers);
        await log.WriteLineAsync($"{name}: connected in {connectTime.TotalSeconds:F1} s; server memory {before / 1024} → {after / 1024} MB; forming groups of {options.Group}…");
        await fleet.FormGroupsAsync(CancellationToken.None);
        var phases = await ladder.RunAsync(fleet, servers, name, log);
        return new FleetRun(name, options.Reps, connectTime, before, after, phases);
    }
}

static async Task<long> ResidentAsync(IReadOnlyList<ProcessGauge?> servers)
{
    long total = 0;
    foreach (var server in servers)
    {
        total += server is null ? 0 : await server.ResidentKilobytesAsync();
    }

    return total;
}
