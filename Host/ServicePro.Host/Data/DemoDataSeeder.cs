using Microsoft.AspNetCore.Identity;
using ServicePro.Contracts.Security;

namespace ServicePro.Host.Data;

/// <summary>Creates the roles, and the demo accounts of README when the user store is empty and seeding is on.</summary>
public sealed class DemoDataSeeder(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    DatabaseOptions options,
    ILogger<DemoDataSeeder> logger)
{
    public static readonly IReadOnlyList<(string UserName, string[] Roles)> DemoAccounts =
    [
        ("admin", [ServiceProRoles.Administrator, ServiceProRoles.Privileged, ServiceProRoles.Rep]),
        ("alice", [ServiceProRoles.Rep]),
        ("bob", [ServiceProRoles.Rep]),
        ("carol", [ServiceProRoles.Rep, ServiceProRoles.Privileged]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in new[] { ServiceProRoles.Rep, ServiceProRoles.Privileged, ServiceProRoles.Administrator })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        if (!options.SeedDemoData)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (users.Users.Any())
        {
            logger.LogInformation("Users exist; demo accounts not seeded");
            return;
        }

        foreach (var (userName, userRoles) in DemoAccounts)
        {
            var user = new IdentityUser(userName) { Email = $"{userName}@servicepro.example", EmailConfirmed = true };
            Check(await users.CreateAsync(user, options.DemoPassword), $"user {userName}");
            Check(await users.AddToRolesAsync(user, userRoles), $"roles of {userName}");
        }

        logger.LogInformation("Seeded demo accounts {Accounts}", string.Join(", ", DemoAccounts.Select(a => a.UserName)));
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
