using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Security;
using ServicePro.Host.Data;
using ServicePro.Host.Identity;

namespace ServicePro.Host.Tests.Identity;

[TestClass]
public sealed class UserDirectoryTests
{
    [TestMethod]
    public async Task ListAndFind_ReturnUsersWithTheirRoles()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("users-").FullName, "users.db");
        var services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<ServiceProIdentityDbContext, SqliteIdentityDbContext>(o => o.UseSqlite($"Data Source={path}"));
        services.AddIdentityCore<IdentityUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<ServiceProIdentityDbContext>();
        services.AddSingleton(new DatabaseOptions()).AddScoped<DemoDataSeeder>().AddScoped<UserDirectory>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ServiceProIdentityDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();

        var users = await directory.ListAsync(CancellationToken.None);
        var carol = await directory.FindAsync("CAROL", CancellationToken.None);

        CollectionAssert.AreEqual(new[] { "admin", "alice", "bob", "carol" }, users.Select(u => u.UserName).ToArray());
        CollectionAssert.AreEquivalent(new[] { ServiceProRoles.Privileged, ServiceProRoles.Rep }, carol!.Roles.ToArray());
        Assert.IsNull(await directory.FindAsync("mallory", CancellationToken.None));
    }
}
