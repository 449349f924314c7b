using ServicePro.Bench.Shells;

// dotnet run --project bench/ServicePro.Bench.Shells -- [--shells 200] [--messages 200] [--host-dir DIR] [--out FILE]
// See README.md beside this file.
var options = BenchOptions.Parse(args);
var log = Console.Error;
var started = DateTimeOffset.UtcNow;

// Blazor keeps a circuit whose disconnect never arrived for 3 minutes (DisconnectedCircuitRetentionPeriod), and today
// that circuit's chat connection with it: waits for the host to hold no connection allow a little more.
var idleLimit = TimeSpan.FromMinutes(4);

await using var host = await BenchHost.StartAsync(options.HostDirectory, log);
var pid = host.Process.ProcessId;
var port = host.Process.BaseAddress.Port;
await log.WriteLineAsync($"Host {host.Process.BaseAddress} (pid {pid}) from {host.Directory}; {host.Commit}");
await using var browser = await ShellBrowser.LaunchAsync(host.Process.BaseAddress);

// Warm-up: every account signs in and opens one shell, so that the figures below hold no first-time cost (JIT, caches).
await log.WriteLineAsync("Warming up…");
var warmUp = new ShellFleet(browser, options.MinFreeMegabytes, options.Concurrency, log);
await warmUp.OpenAsync(4);
await warmUp.CloseAsync();
await Settle.UntilAsync(HostIdleAsync, idleLimit, "the warm-up shells' connections to close", log);

var freeBefore = await Machine.AvailableMegabytesAsync();
var before = await HostSnapshot.TakeAsync(pid, port);
await log.WriteLineAsync($"No shells: RSS {before.ResidentKilobytes} KB, heap {before.ManagedHeapBytes} B, {before.Sockets}; {freeBefore} MB available");

await log.WriteLineAsync($"Opening {options.Shells} shells…");
var fleet = new ShellFleet(browser, options.MinFreeMegabytes, options.Concurrency, log);
await fleet.OpenAsync(options.Shells);
var fresh = await HostSockets.ReadAsync(pid, port);
await log.WriteLineAsync($"Right after opening: {fresh}; letting them sit for {options.SettleSeconds} s");
await Settle.ForAsync(TimeSpan.FromSeconds(options.SettleSeconds));
await Settle.UntilStableAsync(async () => (await HostSockets.ReadAsync(pid, port)).Established, "the host's connections to settle", log);
var freeAfter = await Machine.AvailableMegabytesAsync();
var after = await HostSnapshot.TakeAsync(pid, port);
await log.WriteLineAsync($"{fleet.Opened} shells: RSS {after.ResidentKilobytes} KB, heap {after.ManagedHeapBytes} B, {after.Sockets}; {freeAfter} MB available");
var closing = System.Diagnostics.Stopwatch.StartNew();
await fleet.CloseAsync();
await Settle.UntilAsync(HostIdleAsync, idleLimit, "the shells' connections to close", log);
var closed = new ClosedShells(closing.Elapsed, await HostSockets.ReadAsync(pid, port));
await log.WriteLineAsync($"{closed.Elapsed.TotalSeconds:F0} s after closing began: {closed.Left}");

Latencies? messages = null;
if (options.Messages > 0)
{
    await log.WriteLineAsync($"Timing {options.Messages} messages from alice to bob…");
    messages = await new ChatLatency(browser, log).RunAsync(options.Messages);
}

var report = new BenchReport(host.Commit, started, options.Shells, fleet.Opened, fleet.Failed, fleet.StopReason, options.SettleSeconds, before, fresh, after, closed, freeBefore, freeAfter, messages, await Machine.LoadAverageAsync());
var markdown = report.ToMarkdown();
Console.WriteLine(markdown);
if (options.OutputPath is { } path)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    await File.WriteAllTextAsync(path, markdown);
    await log.WriteLineAsync($"Written to {path}");
}

return 0;

// Every page closed: no connection left, neither from a browser nor from the host to itself.
async Task<bool> HostIdleAsync() => (await HostSockets.ReadAsync(pid, port)).Established == 0;
