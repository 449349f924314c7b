using Microsoft.Extensions.Logging.Abstractions;
using ServicePro.Host.Data;
using ServicePro.Host.Modularity;
using ServicePro.Host.Tests.Support;

namespace ServicePro.Host.Tests.Modularity;

[TestClass]
public sealed class ModuleStateStoreTests
{
    [TestMethod]
    public async Task ReadAtStartup_DatabaseNotMigratedYet_NoStoredChoices()
    {
        var folder = Directory.CreateTempSubdirectory("servicepro-empty-db-").FullName;
        try
        {
            var database = new ModuleDatabase(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "new.db")};Pooling=False" }, folder);

            var stored = await ModuleStateStore.ReadAtStartupAsync(database, NullLogger.Instance, CancellationToken.None);

            Assert.IsEmpty(stored);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public async Task ReadAtStartup_ChoicesStoredByAnAdministrator_ReadBeforeTheContainerExists()
    {
        await using var host = await HostDatabase.CreateAsync();
        await host.Store().SaveAsync("share", enabled: false, "admin", CancellationToken.None);
        await host.Store().SaveAsync("share", enabled: true, "admin", CancellationToken.None);
        await host.Store().SaveAsync("probe", enabled: false, "admin", CancellationToken.None);
        var database = new ModuleDatabase(new DatabaseOptions { ConnectionString = host.ConnectionString }, Path.GetTempPath());

        var stored = await ModuleStateStore.ReadAtStartupAsync(database, NullLogger.Instance, CancellationToken.None);

        Assert.HasCount(2, stored);
        Assert.IsTrue(stored["share"], "one row per module, the latest choice");
        Assert.IsFalse(stored["probe"]);
    }
}
