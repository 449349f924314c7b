using System.Globalization;

namespace ServicePro.Bench.Chat;

/// <summary>
/// The command line: <c>--reps N --group G --rates 250,1000 --seconds S --warmup S --prime S --prime-rate R --hosts URL,URL | --start-hosts K
/// --setting Key=Value (repeatable) --out name --password P</c>; <c>--bare-hub</c> is the tool's own relay-hub mode.
/// </summary>
public sealed record ChatBenchOptions
{
    public const string BareHubSwitch = "--bare-hub";

    public int Reps { get; init; } = 1000;

    public int Group { get; init; } = 5;

    public IReadOnlyList<int> Rates { get; init; } = [250, 1000, 2000, 3000];

    /// <summary>Measured seconds per rate.</summary>
    public int Seconds { get; init; } = 10;

    /// <summary>Seconds at each rate before the measurement starts (not counted).</summary>
    public int Warmup { get; init; } = 3;

    /// <summary>Rate of the unmeasured priming that precedes the ladder on each hub.</summary>
    public int PrimeRate { get; init; } = 1000;

    /// <summary>Seconds of priming before the first step; 0: none, and the first step warms up three times as long.</summary>
    public int PrimeSeconds { get; init; } = 20;

    /// <summary>Hosts already running; empty: the tool starts <see cref="StartHosts"/> hosts itself.</summary>
    public IReadOnlyList<Uri> Hosts { get; init; } = [];

    public int StartHosts { get; init; } = 1;

    /// <summary>Settings given to every host the tool starts (<c>--Key=Value</c> on its command line).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The report's name: results/&lt;name&gt;.md beside the tool; null prints it only.</summary>
    public string? OutputName { get; init; }

    /// <summary>The bench reps' password (the accounts module sets it on the hosts the tool starts).</summary>
    public string Password { get; init; } = "Bench#" + Guid.NewGuid().ToString("N")[..12];

    public static ChatBenchOptions Parse(string[] args)
    {
        var options = new ChatBenchOptions();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--reps" => options with { Reps = Positive(value, name) },
                "--group" => options with { Group = Math.Max(2, Positive(value, name)) },
                "--rates" => options with { Rates = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => Positive(r, name)).ToArray() },
                "--seconds" => options with { Seconds = Positive(value, name) },
                "--warmup" => options with { Warmup = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) },
                "--prime-rate" => options with { PrimeRate = Positive(value, name) },
                "--prime" => options with { PrimeSeconds = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) },
                "--hosts" => options with { Hosts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u.TrimEnd('/') + "/")).ToArray() },
                "--start-hosts" => options with { StartHosts = Positive(value, name) },
                "--setting" => Setting(options, settings, value),
                "--out" => options with { OutputName = value },
                "--password" => options with { Password = value },
                _ => throw new ArgumentException($"Unknown option {name}. Options: --reps N, --group G, --rates R1,R2, --seconds S, --warmup S, --prime S, --prime-rate R, --hosts URL1,URL2, --start-hosts K, --setting Key=Value, --out NAME, --password P."),
            };
        }

        return options with { Settings = settings };
    }

    private static ChatBenchOptions Setting(ChatBenchOptions options, Dictionary<string, string> settings, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--setting takes Key=Value, not '{value}'.");
        }

        settings[value[..equals]] = value[(equals + 1)..];
        return options;
    }

    private static int Positive(string value, string name)
    {
        var number = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new ArgumentException($"{name} must be above 0.");
    }
}
