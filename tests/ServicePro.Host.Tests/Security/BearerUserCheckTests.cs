using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Data;
using ServicePro.Host.Security;
using ServicePro.Host.Tests.Support;

namespace ServicePro.Host.Tests.Security;

/// <summary>
/// The bearer check's one query answers as Identity's sign-in manager does (<see cref="SignInManagerExtensions.UserWhoMaySignInAsync"/>),
/// case by case, on a migrated SQLite file with the demo accounts: a token keeps working exactly as long as it would with the manager.
/// </summary>
[TestClass]
public sealed class BearerUserCheckTests
{
    private HostDatabase _database = null!;
    private ServiceProvider _provider = null!;

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public async Task CreateDatabase()
    {
        _database = await HostDatabase.CreateAsync();
        _provider = await HostIdentity.StartAsync(_database, TestContext.CancellationToken);
    }

    [TestCleanup]
    public async Task DeleteDatabase()
    {
        await _provider.DisposeAsync();
        await _database.DisposeAsync();
    }

    [TestMethod]
    [DataRow("nothing changed", true)]
    [DataRow("password changed", false)]
    [DataRow("locked out", false)]
    [DataRow("lockout over", true)]
    [DataRow("lockout not enabled for her", true)]
    [DataRow("disabled", false)]
    [DataRow("temporary password", false)]
    [DataRow("no profile row", true)]
    [DataRow("deleted", false)]
    [DataRow("token without a stamp", false)]
    public async Task MayUseAsync_AfterAChangeToHerAccount_AnswersAsTheSignInManager(string change, bool mayUse)
    {
        var token = await TokenOfAsync("alice");
        await ChangeAsync("alice", change);
        if (change == "token without a stamp")
        {
            token = new ClaimsPrincipal(new ClaimsIdentity(token.Claims.Where(c => c.Type != new IdentityOptions().ClaimsIdentity.SecurityStampClaimType), IdentityConstants.BearerScheme));
        }

        var check = await _provider.GetRequiredService<BearerUserCheck>().MayUseAsync(token, TestContext.CancellationToken);
        await using var scope = _provider.CreateAsyncScope();
        var manager = await scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>().UserWhoMaySignInAsync(token) is not null;

        Assert.AreEqual(mayUse, manager, "the sign-in manager's answer");
        Assert.AreEqual(manager, check, "the bearer check's answer");
    }

    [TestMethod]
    public async Task MayUseAsync_TokenOfSomeoneElse_OnlyHerChangesCount()
    {
        var alice = await TokenOfAsync("alice");
        var bob = await TokenOfAsync("bob");
        await ChangeAsync("bob", "disabled");

        var check = _provider.GetRequiredService<BearerUserCheck>();

        Assert.IsTrue(await check.MayUseAsync(alice, TestContext.CancellationToken));
        Assert.IsFalse(await check.MayUseAsync(bob, TestContext.CancellationToken));
        Assert.IsFalse(await check.MayUseAsync(new ClaimsPrincipal(new ClaimsIdentity()), TestContext.CancellationToken), "no user id: no user");
    }

    private Task<ClaimsPrincipal> TokenOfAsync(string userName) => HostIdentity.TokenOfAsync(_provider, userName);

    private async Task ChangeAsync(string userName, string change)
    {
        await using var scope = _provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ServiceProIdentityDbContext>();
        var user = (await users.FindByNameAsync(userName))!;
        var ct = TestContext.CancellationToken;
        var result = change switch
        {
            "password changed" => await users.UpdateSecurityStampAsync(user),
            "locked out" => await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1)),
            "lockout over" => await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(-1)),
            "lockout not enabled for her" => await LockoutOffAsync(users, user),
            "disabled" => await ProfileAsync(db, user, p => p.Disabled = true, ct),
            "temporary password" => await ProfileAsync(db, user, p => p.MustChangePassword = true, ct),
            "no profile row" => await ProfileAsync(db, user, null, ct),
            "deleted" => await users.DeleteAsync(user),
            _ => IdentityResult.Success,
        };
        Assert.IsTrue(result.Succeeded, change);
    }

    private static async Task<IdentityResult> LockoutOffAsync(UserManager<IdentityUser> users, IdentityUser user)
    {
        var locked = await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1));
        return locked.Succeeded ? await users.SetLockoutEnabledAsync(user, false) : locked;
    }

    /// <summary>Her profile row changed by <paramref name="change"/> (created if missing), or removed when it is null.</summary>
    private static async Task<IdentityResult> ProfileAsync(ServiceProIdentityDbContext db, IdentityUser user, Action<UserProfileRecord>? change, CancellationToken ct)
    {
        var profile = await db.UserProfiles.SingleOrDefaultAsync(p => p.UserId == user.Id, ct);
        if (change is null)
        {
            if (profile is not null)
            {
                db.UserProfiles.Remove(profile);
            }
        }
        else
        {
            profile ??= db.UserProfiles.Add(new UserProfileRecord { UserId = user.Id }).Entity;
            change(profile);
        }

        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }
}
