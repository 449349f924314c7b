using System.Diagnostics;
using Microsoft.Playwright;
using ServicePro.Testing;

namespace ServicePro.EndToEnd.Tests;

/// <summary>
/// A browser of its own that a test can kill outright (SIGKILL to its whole process group), as when a rep's browser
/// crashes or her machine dies: nothing is closed politely, the server only sees the connection drop.
/// </summary>
public sealed class KillableBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private KillableBrowser(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<KillableBrowser> LaunchAsync(HostProcess host)
    {
        ArgumentNullException.ThrowIfNull(host);
        Assertions.SetDefaultExpectTimeout(20_000);
        var profile = Directory.CreateTempSubdirectory("servicepro-killable-browser-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Browser.ChromiumPath,
            Headless = true,
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Args = Browser.LaunchArguments,
        });
        await CspViolations.WatchAsync(context);
        return new KillableBrowser(playwright, context, profile);
    }

    public async Task<IPage> SignInAsync(string userName)
    {
        var page = Context.Pages.FirstOrDefault() ?? await Context.NewPageAsync();
        await Browser.SignInOnPageAsync(page, userName);
        return page;
    }

    /// <summary>Kills the browser's process group with SIGKILL and waits until its main process is gone.</summary>
    public async Task KillAsync()
    {
        var main = MainProcessId() ?? throw new InvalidOperationException($"No chromium process uses the profile {_profile}.");
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-KILL", "--", "-" + main]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        Process process;
        try
        {
            process = Process.GetProcessById(main);
        }
        catch (ArgumentException)
        {
            // Gone (and reaped) before we looked: that is what we waited for.
            return;
        }

        using (process)
        {
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Context.DisposeAsync();
        }
        catch (PlaywrightException)
        {
            // Killed: nothing left to close.
        }

        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS.
        }
    }

    /// <summary>The browser process itself: the one with this profile and no <c>--type=</c> (renderers, GPU, network have one).</summary>
    private int? MainProcessId()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string[] args;
            try
            {
                args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (args.Any(a => a == "--user-data-dir=" + _profile) && !args.Any(a => a.StartsWith("--type=", StringComparison.Ordinal)))
            {
                return pid;
            }
        }

        return null;
    }
}
