using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace ServicePro.Bench.SignIn;

/// <summary>
/// One run: /health and chat acknowledgements timed for a few seconds with no load (the baseline), then again while
/// <c>signIns</c> sign-ins at <c>POST /account/token</c> run all at once. Probes send one request every 10 ms, each
/// waiting for the previous answer, so a stalled host shows as long samples.
/// </summary>
public sealed class SignInLoad(Uri baseAddress, int signIns)
{
    private const string Password = "Demo#2026";
    private static readonly string[] Reps = ["alice", "bob", "carol", "admin"];
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(5);

    public async Task<LoadReport> RunAsync()
    {
        using var probe = new HttpClient { BaseAddress = baseAddress };
        using var load = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var token = await TokenAsync(probe, "bob") ?? throw new InvalidOperationException("bob cannot sign in.");
        await using var chat = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/chat"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await chat.StartAsync();
        var session = await chat.InvokeAsync<JsonElement>("StartSession", (int?)null);
        var sessionId = session.GetProperty("sessionId").GetGuid();

        // Warm-up: JIT, connection pools, one password check.
        await TokenAsync(probe, "alice");
        var warmUp = new Latencies();
        for (var i = 0; i < 20; i++)
        {
            await TimeAsync(() => probe.GetAsync("health"), warmUp);
            await TimeAsync(() => SendAsync(chat, sessionId), warmUp);
        }

        var healthIdle = new Latencies();
        var chatIdle = new Latencies();
        using (var idle = new CancellationTokenSource(Baseline))
        {
            await Task.WhenAll(ProbeAsync(() => probe.GetAsync("health"), healthIdle, idle.Token), ProbeAsync(() => SendAsync(chat, sessionId), chatIdle, idle.Token));
        }

        var healthLoaded = new Latencies();
        var chatLoaded = new Latencies();
        var signInTimes = new Latencies();
        var statuses = new ConcurrentDictionary<int, int>();
        using var loading = new CancellationTokenSource();
        var probes = Task.WhenAll(ProbeAsync(() => probe.GetAsync("health"), healthLoaded, loading.Token), ProbeAsync(() => SendAsync(chat, sessionId), chatLoaded, loading.Token));
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, signIns).Select(i => SignInAsync(load, Reps[i % Reps.Length], signInTimes, statuses)));
        wall.Stop();
        await loading.CancelAsync();
        await probes;

        return new LoadReport(healthIdle, healthLoaded, chatIdle, chatLoaded, signInTimes, statuses, wall.Elapsed);
    }

    private static async Task ProbeAsync(Func<Task> request, Latencies latencies, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Pace);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await TimeAsync(request, latencies);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The phase is over.
        }
    }

    private static async Task TimeAsync(Func<Task> request, Latencies latencies)
    {
        var started = Stopwatch.GetTimestamp();
        await request();
        latencies.Add(Stopwatch.GetElapsedTime(started));
    }

    private static Task SendAsync(HubConnection chat, Guid sessionId) =>
        chat.InvokeAsync<JsonElement>("SendMessage", new { sessionId, clientMessageId = Guid.CreateVersion7(), text = "пинг 🏓" });

    private static async Task SignInAsync(HttpClient http, string userName, Latencies latencies, ConcurrentDictionary<int, int> statuses)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("account/token", new { userName, password = Password });
        latencies.Add(Stopwatch.GetElapsedTime(started));
        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
    }

    private static async Task<string?> TokenAsync(HttpClient http, string userName)
    {
        using var response = await http.PostAsJsonAsync("account/token", new { userName, password = Password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString();
    }
}
