namespace ServicePro.Testing;

/// <summary>
/// Settings for several hosts of one deployment in a test: one SQLite file shared by all (<c>Database:ConnectionString</c>)
/// and one Redis, with a channel prefix of the test's own. Start the hosts one after the other: the first migrates.
/// </summary>
public sealed class ScaleOutSettings
{
    private ScaleOutSettings(RedisServer redis, string folder)
    {
        Redis = redis;
        Folder = folder;
        ChannelPrefix = RedisServer.NewChannelPrefix();
    }

    public RedisServer Redis { get; }

    /// <summary>The temporary folder of the shared database file.</summary>
    public string Folder { get; }

    public string ChannelPrefix { get; }

    public static ScaleOutSettings For(RedisServer redis) =>
        new(redis, Directory.CreateTempSubdirectory("servicepro-scaleout-").FullName);

    /// <summary>The shared settings, plus <paramref name="more"/>.</summary>
    public Dictionary<string, string> With(IDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(Folder, "shared.db")}",
            ["Redis:Configuration"] = Redis.Configuration,
            ["Redis:ChannelPrefix"] = ChannelPrefix,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
