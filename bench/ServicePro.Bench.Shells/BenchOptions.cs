using System.Globalization;

namespace ServicePro.Bench.Shells;

/// <summary>The command line: <c>--shells N --messages N --host-dir DIR --out FILE --min-free-mb N --settle-seconds N --concurrency N</c>.</summary>
public sealed record BenchOptions
{
    public int Shells { get; init; } = 200;

    public int Messages { get; init; } = 200;

    /// <summary>A published host folder; null publishes the current repository in Release.</summary>
    public string? HostDirectory { get; init; }

    /// <summary>Where the Markdown report is written besides stdout; null writes stdout only.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Opening stops, with a message, when the machine's available memory falls below this.</summary>
    public long MinFreeMegabytes { get; init; } = 3072;

    /// <summary>
    /// How long the shells sit open before the second measurement: past Kestrel's keep-alive timeout (130 s), so that
    /// idle HTTP connections (the browsers' page loads, each chat client's negotiate request) are gone.
    /// </summary>
    public int SettleSeconds { get; init; } = 140;

    /// <summary>Shells opened at once.</summary>
    public int Concurrency { get; init; } = 4;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--shells" => options with { Shells = Number(value) },
                "--messages" => options with { Messages = Number(value) },
                "--host-dir" => options with { HostDirectory = Path.GetFullPath(value) },
                "--out" => options with { OutputPath = Path.GetFullPath(value) },
                "--min-free-mb" => options with { MinFreeMegabytes = Number(value) },
                "--settle-seconds" => options with { SettleSeconds = Number(value) },
                "--concurrency" => options with { Concurrency = Math.Max(1, Number(value)) },
                _ => throw new ArgumentException($"Unknown option {name}. Options: --shells N, --messages N, --host-dir DIR, --out FILE, --min-free-mb N, --settle-seconds N, --concurrency N."),
            };
        }

        return options;
    }

    private static int Number(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
