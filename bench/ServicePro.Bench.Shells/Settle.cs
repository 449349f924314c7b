namespace ServicePro.Bench.Shells;

/// <summary>Waits on the host's observable state (polled twice a second) before a measurement is taken.</summary>
public static class Settle
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>Until <paramref name="condition"/> holds; after <paramref name="limit"/> it goes on and says so.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what, TextWriter log)
    {
        using var timer = new PeriodicTimer(Poll);
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                await log.WriteLineAsync($"  waited {limit.TotalSeconds:F0} s for {what}; going on");
                return;
            }

            await timer.WaitForNextTickAsync();
        }
    }

    /// <summary>A fixed wait, for timeouts inside the host and the browser that nothing outside can observe ending.</summary>
    public static async Task ForAsync(TimeSpan wait)
    {
        using var timer = new PeriodicTimer(wait);
        await timer.WaitForNextTickAsync();
    }

    /// <summary>Until <paramref name="value"/> has not changed for ten seconds (at most two minutes, then it goes on and says so).</summary>
    public static async Task UntilStableAsync(Func<Task<int>> value, string what, TextWriter log)
    {
        using var timer = new PeriodicTimer(Poll);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var last = await value();
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < TimeSpan.FromSeconds(10) && DateTime.UtcNow < deadline)
        {
            await timer.WaitForNextTickAsync();
            var now = await value();
            if (now != last)
            {
                (last, since) = (now, DateTime.UtcNow);
            }
        }

        if (DateTime.UtcNow - since < TimeSpan.FromSeconds(10))
        {
            await log.WriteLineAsync($"  {what}: still changing after two minutes; measuring anyway");
        }
    }
}
