using ServicePro.Testing;

namespace ServicePro.Host.Tests;

/// <summary>Stops this run's PostgreSQL cluster once every test is done (the test runner may end the process before its exit handlers finish).</summary>
[TestClass]
public sealed class PostgresServerCleanup
{
    [AssemblyCleanup]
    public static Task StopPostgres() => PostgresServer.StopSharedAsync();
}
