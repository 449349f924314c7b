namespace ServicePro.Testing;

/// <summary>The real servers a test run starts on first use (PostgreSQL, Redis), stopped together at the end of the run.</summary>
public static class TestServers
{
    /// <summary>For each test assembly's single <c>[AssemblyCleanup]</c>: stops whatever the run started.</summary>
    public static async Task StopAllAsync()
    {
        await PostgresServer.StopSharedAsync();
        await RedisServer.StopSharedAsync();
    }
}
