using Microsoft.Playwright;

namespace ServicePro.Bench.Shells;

/// <summary>
/// Many open shells, each a signed-in rep's Workbench page with its own Blazor circuit and the chat tile live. The
/// demo accounts take turns; pages share contexts (at most <see cref="PagesPerContext"/> each) to save the browser's
/// memory. Opening stops early when the machine's available memory runs low.
/// </summary>
public sealed class ShellFleet(ShellBrowser browser, long minFreeMegabytes, int concurrency, TextWriter log)
{
    public const int PagesPerContext = 25;

    private static readonly string[] s_reps = ["alice", "bob", "carol", "admin"];
    private readonly List<IBrowserContext> _contexts = [];
    private readonly SemaphoreSlim _gate = new(concurrency);
    private int _opened;
    private int _failed;
    private string? _stopReason;

    public int Opened => _opened;

    /// <summary>Shells that did not come up (their page is left open and counted in no figure).</summary>
    public int Failed => _failed;

    /// <summary>Why opening stopped before the count asked for, or null.</summary>
    public string? StopReason => _stopReason;

    public async Task OpenAsync(int count)
    {
        var contextCount = (count + PagesPerContext - 1) / PagesPerContext;
        for (var i = 0; i < contextCount; i++)
        {
            _contexts.Add(await browser.NewContextAsync(s_reps[i % s_reps.Length], lean: true));
        }

        await Task.WhenAll(Enumerable.Range(0, count).Select(i => OpenOneAsync(_contexts[i % contextCount], count)));
    }

    public Task CloseAsync() => ShellBrowser.CloseAsync(_contexts);

    private async Task OpenOneAsync(IBrowserContext context, int count)
    {
        await _gate.WaitAsync();
        try
        {
            if (_stopReason is not null)
            {
                return;
            }

            var free = await Machine.AvailableMegabytesAsync();
            if (free < minFreeMegabytes)
            {
                _stopReason ??= $"stopped at {_opened} shells: the machine has {free} MB available, below --min-free-mb {minFreeMegabytes}";
                await log.WriteLineAsync(_stopReason);
                return;
            }

            try
            {
                await ShellBrowser.OpenShellAsync(context);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                Interlocked.Increment(ref _failed);
                await log.WriteLineAsync($"  a shell did not come up: {e.Message.Split('\n')[0]}");
                return;
            }

            var opened = Interlocked.Increment(ref _opened);
            if (opened % 20 == 0 || opened == count)
            {
                await log.WriteLineAsync($"  {opened}/{count} shells open; {free} MB available; load {await Machine.LoadAverageAsync()}");
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
