using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>Stops this test assembly's shared Redis (started by the first test that needs it) at the end of the run.</summary>
[TestClass]
public static class SharedRedisCleanup
{
    [AssemblyCleanup]
    public static Task StopRedisAsync() => RedisServer.StopSharedAsync();
}
