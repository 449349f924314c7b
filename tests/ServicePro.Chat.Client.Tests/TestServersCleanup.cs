using ServicePro.Testing;

namespace ServicePro.Chat.Client.Tests;

/// <summary>Stops the PostgreSQL cluster and Redis this run started, once every test of the assembly is done (the runner may end the process before its exit handlers run).</summary>
[TestClass]
public static class TestServersCleanup
{
    [AssemblyCleanup]
    public static Task StopServersAsync() => TestServers.StopAllAsync();
}
