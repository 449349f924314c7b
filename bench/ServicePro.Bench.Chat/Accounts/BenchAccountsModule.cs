using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Modules;
using ServicePro.Contracts.Security;

namespace ServicePro.Bench.Chat.Accounts;

/// <summary>
/// Creates the load tool's reps (<c>rep0001</c>…, role Rep) at start-up: <c>Modules:bench-accounts:Count</c> of them,
/// with the password <c>Modules:bench-accounts:Password</c> (required). Existing reps are kept and given that password,
/// so a second host on the same database adds nothing and a database of an earlier run can be used again. It refuses to run in Production: it is a tool's module, listed only in the
/// modules.config the tool writes for the hosts it starts, and never shipped beside the host.
/// </summary>
public sealed class BenchAccountsModule : IServiceProModule
{
    public const string ModuleId = "bench-accounts";

    private BenchAccountsSettings? _settings;

    public string Id => ModuleId;

    public string Title => "Bench reps (chat load tool)";

    public IReadOnlyCollection<string> DependsOn => [];

    public void ConfigureServices(ModuleServicesContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Environment.IsProduction())
        {
            throw new InvalidOperationException("The bench-accounts module creates accounts with a known password and does not run in Production.");
        }

        _settings = new BenchAccountsSettings(
            context.ModuleConfiguration.GetValue<int>("Count"),
            context.ModuleConfiguration["Password"] is { Length: > 0 } password
                ? password
                : throw new InvalidOperationException("Modules:bench-accounts:Password is required."));
    }

    public async Task InitializeAsync(ModuleInitializationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = _settings ?? throw new InvalidOperationException("ConfigureServices was not called.");
        await using var scope = context.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<BenchAccountsModule>>();

        // One hash for all: a hash carries its own salt, so every rep's stored hash checks the same password, and
        // creating a thousand reps does not cost a thousand password hashes (signing in still costs one each).
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<IdentityUser>>();
        var hash = hasher.HashPassword(new IdentityUser(BenchReps.UserName(0)), settings.Password);
        var created = 0;
        bool? existingHavePassword = null;
        for (var i = 0; i < settings.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var userName = BenchReps.UserName(i);
            if (await users.FindByNameAsync(userName) is { } existing)
            {
                // Reps of an earlier run (another password) get this run's; one check tells (another host of this run
                // created them with this password), not one hash per rep.
                existingHavePassword ??= hasher.VerifyHashedPassword(existing, existing.PasswordHash ?? "", settings.Password) != PasswordVerificationResult.Failed;
                if (existingHavePassword == false)
                {
                    existing.PasswordHash = hash;
                    Check(await users.UpdateAsync(existing), userName);
                }

                continue;
            }

            var user = new IdentityUser(userName) { Email = $"{userName}@bench.example", EmailConfirmed = true, PasswordHash = hash };
            Check(await users.CreateAsync(user), userName);
            Check(await users.AddToRoleAsync(user, ServiceProRoles.Rep), userName);
            created++;
        }

        logger.LogWarning("Bench reps: {Created} created, {Existing} existed (module {Module}, not for production)", created, settings.Count - created, ModuleId);
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create bench rep {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private sealed record BenchAccountsSettings(int Count, string Password);
}
