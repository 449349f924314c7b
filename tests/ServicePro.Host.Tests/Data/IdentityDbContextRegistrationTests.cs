using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Data;
using ServicePro.Host.Data;

namespace ServicePro.Host.Tests.Data;

[TestClass]
public sealed class IdentityDbContextRegistrationTests
{
    [TestMethod]
    [DataRow(DatabaseProvider.Sqlite, typeof(SqliteIdentityDbContext))]
    [DataRow(DatabaseProvider.PostgreSql, typeof(PostgreSqlIdentityDbContext))]
    [DataRow(DatabaseProvider.SqlServer, typeof(SqlServerIdentityDbContext))]
    public async Task AddServiceProIdentityDbContext_TheProvidersContext_WithOptionsBuiltOnceForEveryScope(DatabaseProvider provider, Type context)
    {
        var database = new ModuleDatabase(new DatabaseOptions { Provider = provider, ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Server=db;Database=sp;Host=db" }, Path.GetTempPath());
        await using var services = new ServiceCollection().AddServiceProIdentityDbContext(database).BuildServiceProvider(validateScopes: true);
        await using var first = services.CreateAsyncScope();
        await using var second = services.CreateAsyncScope();

        Assert.IsInstanceOfType(first.ServiceProvider.GetRequiredService<ServiceProIdentityDbContext>(), context);
        // Every bearer request, sign-in and cookie check creates a context; building its options looks the migrations
        // assembly up among all loaded assemblies, which was about a third of a hub connect's time.
        Assert.AreSame(
            first.ServiceProvider.GetRequiredService(typeof(DbContextOptions<>).MakeGenericType(context)),
            second.ServiceProvider.GetRequiredService(typeof(DbContextOptions<>).MakeGenericType(context)));
    }
}
