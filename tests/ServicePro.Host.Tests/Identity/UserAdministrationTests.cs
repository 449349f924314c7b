using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moq;
using ServicePro.Contracts.Events;
using ServicePro.Contracts.Security;
using ServicePro.Contracts.Users;
using ServicePro.Host.Data;
using ServicePro.Host.Identity;
using ServicePro.Host.Security;

namespace ServicePro.Host.Tests.Identity;

/// <summary>The server-side rules of Admin → Users, on a migrated SQLite file with the demo accounts.</summary>
[TestClass]
public sealed class UserAdministrationTests
{
    private const string Password = "Temp#2026ok";
    private readonly Mock<IEventAggregator> _events = new();
    private string _folder = null!;
    private ServiceProvider _provider = null!;

    [TestInitialize]
    public async Task CreateDatabase()
    {
        _events.Setup(e => e.Subscribe(It.IsAny<Func<UserAccessRevokedEvent, CancellationToken, Task>>())).Returns(Mock.Of<IDisposable>());
        _events.Setup(e => e.Subscribe(It.IsAny<Func<UserSessionsStaleEvent, CancellationToken, Task>>())).Returns(Mock.Of<IDisposable>());
        _folder = Directory.CreateTempSubdirectory("servicepro-users-").FullName;
        var services = new ServiceCollection()
            .AddLogging()
            .AddDataProtection().Services
            .AddDbContext<ServiceProIdentityDbContext, SqliteIdentityDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_folder, "users.db")};Pooling=False"));
        services.AddIdentityCore<IdentityUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<ServiceProIdentityDbContext>().AddDefaultTokenProviders();
        services.AddSingleton(new DatabaseOptions()).AddScoped<DemoDataSeeder>();
        services.AddSingleton(TimeProvider.System).AddSingleton(_events.Object).AddSingleton<RevokedSessions>().AddSingleton<UserDisplayNames>();
        services.AddSingleton(new SignInGuard(Options.Create(new SignInLimitsOptions { FailuresPerAccount = 1 })));
        services.AddScoped<UserAudit>().AddScoped<UserAdministration>().AddScoped<UserQueries>().AddScoped<UserAccessConfirmation>();
        _provider = services.BuildServiceProvider();
        await using var scope = _provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ServiceProIdentityDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
    }

    [TestCleanup]
    public async Task DeleteDatabase()
    {
        await _provider.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [TestMethod]
    public async Task CreateAsync_ByAnAdministrator_UserWithTemporaryPasswordDisplayNameAndAuditLine()
    {
        var result = await RunAsync(a => a.CreateAsync(Principal("admin"), NewUser("olga", "Ольга 李 🌸")));

        Assert.IsTrue(result.Succeeded, result.Error);
        var olga = (await ListAsync()).Single(u => u.UserName == "olga");
        Assert.AreEqual("Ольга 李 🌸", olga.DisplayName);
        Assert.IsTrue(olga.MustChangePassword);
        CollectionAssert.AreEqual(new[] { ServiceProRoles.Rep, ServiceProRoles.Privileged }, olga.Roles.ToArray());
        Assert.AreEqual(UserAccessState.MustChangePassword, await StateAsync("olga"), "no cookie or token until she has chosen her own");
        var line = (await AuditAsync()).First();
        Assert.AreEqual("admin", line.Actor);
        Assert.AreEqual("olga", line.Target);
        StringAssert.Contains(line.Action, "Created");
    }

    [TestMethod]
    public async Task CreateAsync_DisplayNameAtTheLimitInCyrillicCjkAndEmoji_StoredWhole_OneMoreRefused()
    {
        // 100 UTF-16 units: 48 Cyrillic letters, 26 CJK characters and 13 emoji (two units each).
        var atLimit = string.Concat(Enumerable.Repeat("Ольга", 10))[..48] + string.Concat(Enumerable.Repeat("李花", 13)) + string.Concat(Enumerable.Repeat("🌸", 13));
        Assert.AreEqual(UserLimits.DisplayNameLength, atLimit.Length);

        var over = await RunAsync(a => a.CreateAsync(Principal("admin"), NewUser("olga", atLimit + "я")));
        var result = await RunAsync(a => a.CreateAsync(Principal("admin"), NewUser("olga", atLimit)));

        Assert.AreEqual($"A display name has at most {UserLimits.DisplayNameLength} characters.", over.Error);
        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(atLimit, (await ListAsync()).Single(u => u.UserName == "olga").DisplayName);
        StringAssert.Contains((await AuditAsync()).First().Action, atLimit);
    }

    [TestMethod]
    public async Task CreateAsync_ByARep_RefusedAndNothingStored()
    {
        var result = await RunAsync(a => a.CreateAsync(Principal("alice"), NewUser("olga", "Ольга")));

        Assert.AreEqual(UserAdministration.NotAnAdministrator, result.Error);
        Assert.IsFalse((await ListAsync()).Any(u => u.UserName == "olga"));
        Assert.AreEqual(0, (await AuditAsync()).Count);
    }

    [TestMethod]
    public async Task CreateAsync_BadInput_ClearMessageAndNothingStored()
    {
        var duplicate = await RunAsync(a => a.CreateAsync(Principal("admin"), NewUser("Alice", "Другая Алиса")));
        var weak = await RunAsync(a => a.CreateAsync(Principal("admin"), NewUser("olga", "Ольга", password: "abc")));
        var badEmail = await RunAsync(a => a.CreateAsync(Principal("admin"), NewUser("olga", "Ольга", email: "olga@@example")));

        StringAssert.Contains(duplicate.Error, "is already taken");
        StringAssert.Contains(weak.Error, "Passwords must be at least 6 characters");
        StringAssert.Contains(badEmail.Error, "is not an e-mail address");
        Assert.IsFalse((await ListAsync()).Any(u => u.UserName == "olga"));
    }

    [TestMethod]
    public async Task SetEnabledAsync_TheLastEnabledAdministrator_Refused()
    {
        var result = await RunAsync(a => a.SetEnabledAsync(Principal("admin"), "admin", enabled: false));

        Assert.AreEqual(UserAdministration.LastAdministrator, result.Error);
        Assert.IsTrue((await ListAsync()).Single(u => u.UserName == "admin").Enabled);
    }

    [TestMethod]
    public async Task SetRolesAsync_TheLastEnabledAdministratorLosesTheRole_RefusedUntilThereIsAnother()
    {
        var alone = await RunAsync(a => a.SetRolesAsync(Principal("admin"), "admin", [ServiceProRoles.Rep]));
        await RunAsync(a => a.SetRolesAsync(Principal("admin"), "carol", [ServiceProRoles.Rep, ServiceProRoles.Administrator]));
        var withCarol = await RunAsync(a => a.SetRolesAsync(Principal("admin"), "admin", [ServiceProRoles.Rep]));

        Assert.AreEqual(UserAdministration.LastAdministrator, alone.Error);
        Assert.IsTrue(withCarol.Succeeded, withCarol.Error);
        CollectionAssert.AreEqual(new[] { ServiceProRoles.Rep }, (await ListAsync()).Single(u => u.UserName == "admin").Roles.ToArray());
    }

    [TestMethod]
    public async Task SetEnabledAsync_Disable_RefusesSignInAndTellsEveryHost()
    {
        var result = await RunAsync(a => a.SetEnabledAsync(Principal("admin"), "bob", enabled: false));

        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(UserAccessState.Disabled, await StateAsync("bob"));
        var revoked = _provider.GetRequiredService<RevokedSessions>();
        Assert.IsTrue(revoked.IsRevoked("bob", DateTimeOffset.UtcNow.AddSeconds(-1)), "her cookies stop here at once");
        // Every host hears when it happened, so one that hears it late still lets her sign in again after that.
        _events.Verify(e => e.Publish(It.Is<UserAccessRevokedEvent>(r => r.UserName == "bob" && r.RevokedAt != null
            && revoked.IsRevoked("bob", r.RevokedAt) && !revoked.IsRevoked("bob", r.RevokedAt.Value.AddTicks(1)))), Times.Once());
        Assert.IsFalse((await ListAsync()).Single(u => u.UserName == "bob").Enabled);

        await RunAsync(a => a.SetEnabledAsync(Principal("admin"), "bob", enabled: true));
        Assert.AreEqual(UserAccessState.Allowed, await StateAsync("bob"));
    }

    [TestMethod]
    public async Task SetEnabledAsync_ByADisabledAdministrator_Refused()
    {
        await RunAsync(a => a.SetRolesAsync(Principal("admin"), "carol", [ServiceProRoles.Rep, ServiceProRoles.Administrator]));
        await RunAsync(a => a.SetEnabledAsync(Principal("admin"), "carol", enabled: false));

        // Her circuit may still hold an Administrator principal: the database says no.
        var result = await RunAsync(a => a.SetEnabledAsync(Principal("carol", administrator: true), "alice", enabled: false));

        Assert.AreEqual(UserAdministration.NotAnAdministrator, result.Error);
        Assert.IsTrue((await ListAsync()).Single(u => u.UserName == "alice").Enabled);
    }

    [TestMethod]
    public async Task ResetPasswordAsync_SetsATemporaryPasswordAndSignsHerOut()
    {
        var weak = await RunAsync(a => a.ResetPasswordAsync(Principal("admin"), "alice", "short"));
        var reset = await RunAsync(a => a.ResetPasswordAsync(Principal("admin"), "alice", "Новый#2026Ab"));

        StringAssert.Contains(weak.Error, "Passwords must be at least 6 characters");
        Assert.IsTrue(reset.Succeeded, reset.Error);
        Assert.AreEqual(UserAccessState.MustChangePassword, await StateAsync("alice"));
        _events.Verify(e => e.Publish(It.Is<UserAccessRevokedEvent>(r => r.UserName == "alice" && r.RevokedAt != null)), Times.Once());
        await using var scope = _provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.IsTrue(await users.CheckPasswordAsync((await users.FindByNameAsync("alice"))!, "Новый#2026Ab"));
    }

    [TestMethod]
    public async Task UnlockAsync_ThrottledAndLockedOut_TriesAgainAtOnce()
    {
        var guard = _provider.GetRequiredService<SignInGuard>();
        var key = SignInGuard.AccountKey(IPAddress.Loopback, "ALICE");
        guard.RecordFailure(key);
        await using (var scope = _provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("bob"))!, DateTimeOffset.UtcNow.AddDays(1));
        }

        Assert.IsNotNull(guard.CheckFailureBudget(key));
        Assert.IsTrue((await ListAsync()).Single(u => u.UserName == "alice").Locked);
        Assert.IsTrue((await ListAsync()).Single(u => u.UserName == "bob").Locked);

        await RunAsync(a => a.UnlockAsync(Principal("admin"), "alice"));
        await RunAsync(a => a.UnlockAsync(Principal("admin"), "bob"));

        Assert.IsNull(guard.CheckFailureBudget(key), "her budget starts afresh");
        Assert.IsFalse((await ListAsync()).Any(u => u.Locked));
        CollectionAssert.AreEqual(new[] { "Unlocked", "Unlocked" }, (await AuditAsync()).Take(2).Select(a => a.Action).ToArray());
    }

    private static NewUser NewUser(string userName, string displayName, string password = Password, string? email = null) => new()
    {
        UserName = userName,
        DisplayName = displayName,
        Email = email ?? $"{userName}@servicepro.example",
        Password = password,
        Rep = true,
        Privileged = true,
    };

    private static ClaimsPrincipal Principal(string userName, bool administrator = false)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, userName) };
        if (administrator || userName == "admin")
        {
            claims.Add(new Claim(ClaimTypes.Role, ServiceProRoles.Administrator));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private async Task<UserChangeResult> RunAsync(Func<UserAdministration, Task<UserChangeResult>> change)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    private async Task<IReadOnlyList<UserRow>> ListAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserQueries>().ListAsync(CancellationToken.None);
    }

    private async Task<IReadOnlyList<UserAuditRecord>> AuditAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAudit>().LatestAsync(10, CancellationToken.None);
    }

    private async Task<UserAccessState> StateAsync(string userName)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAccessConfirmation>().StateOfAsync(userName, CancellationToken.None);
    }
}
