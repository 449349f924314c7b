using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ServicePro.Bench.Chat.Accounts;
using ServicePro.Chat.Protocol;

namespace ServicePro.Bench.Chat;

/// <summary>
/// Gets every rep's bearer token once, from the host it will connect to (<c>POST /account/token</c>), and the run
/// reuses it: an access token lasts an hour. The host checks at most a few passwords at once and queues the rest, and
/// limits sign-ins per client address; answers 429 and 503 are waited out as their <c>Retry-After</c> says.
/// </summary>
public static class RepSignIn
{
    private const int Parallelism = 8;

    public static async Task<(IReadOnlyList<RepAccount> Accounts, TimeSpan Elapsed)> SignInAllAsync(IReadOnlyList<Uri> hosts, int reps, string password, TextWriter log, CancellationToken cancellationToken)
    {
        var clients = hosts.Select(h => new HttpClient { BaseAddress = h, Timeout = TimeSpan.FromMinutes(5) }).ToArray();
        try
        {
            var accounts = new RepAccount[reps];
            var done = 0;
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(Enumerable.Range(0, reps), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (rep, ct) =>
            {
                var userName = BenchReps.UserName(rep);
                accounts[rep] = new RepAccount(userName, await TokenAsync(clients[rep % clients.Length], userName, password, ct));
                if (Interlocked.Increment(ref done) % 100 == 0)
                {
                    await log.WriteLineAsync($"  {done} of {reps} reps signed in");
                }
            });
            return (accounts, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, string userName, string password, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var response = await http.PostAsJsonAsync(ChatProtocol.TokenRoute.TrimStart('/'), new { userName, password }, cancellationToken);
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{userName} cannot sign in at {http.BaseAddress}: {(int)response.StatusCode}. Hosts the tool did not start need its reps (see README.md).");
            }

            var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken) ?? throw new InvalidOperationException("Empty token answer.");
            return answer.AccessToken;
        }
    }

    private sealed record TokenAnswer(string AccessToken);
}
