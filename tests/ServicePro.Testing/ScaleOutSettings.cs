namespace ServicePro.Testing;

/// <summary>
/// Settings for several hosts of one deployment in a test, as issue 10's topology has them: one PostgreSQL database
/// shared by all, created empty for the test on this run's PostgreSQL cluster, and one Redis with a channel prefix of
/// the test's own. Start the hosts one after the other: the first migrates.
/// </summary>
public sealed class ScaleOutSettings
{
    private ScaleOutSettings(RedisServer redis, IReadOnlyDictionary<string, string> database)
    {
        Redis = redis;
        Database = database;
        Folder = Directory.CreateTempSubdirectory("servicepro-scaleout-").FullName;
        ChannelPrefix = RedisServer.NewChannelPrefix();
    }

    public RedisServer Redis { get; }

    /// <summary>The database settings (<c>Database:Provider</c>, <c>Database:ConnectionString</c>, migrations at start-up).</summary>
    public IReadOnlyDictionary<string, string> Database { get; }

    /// <summary>A temporary folder of the test's own, for files the hosts of the deployment share.</summary>
    public string Folder { get; }

    public string ChannelPrefix { get; }

    /// <summary>A new deployment: a fresh PostgreSQL database and a fresh channel prefix on <paramref name="redis"/>.</summary>
    public static async Task<ScaleOutSettings> ForAsync(RedisServer redis, CancellationToken cancellationToken = default) =>
        new(redis, await PostgresServer.HostSettingsAsync(cancellationToken));

    /// <summary>A new deployment on this run's shared PostgreSQL cluster and shared Redis.</summary>
    public static async Task<ScaleOutSettings> SharedAsync(CancellationToken cancellationToken = default) =>
        await ForAsync(await RedisServer.SharedAsync(cancellationToken), cancellationToken);

    /// <summary>The shared settings, plus <paramref name="more"/>.</summary>
    public Dictionary<string, string> With(IDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>(Database)
        {
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
