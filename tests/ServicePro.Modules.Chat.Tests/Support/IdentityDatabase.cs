using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using ServicePro.Testing;

namespace ServicePro.Modules.Chat.Tests.Support;

/// <summary>
/// What an administrator or the user does to an account, done straight in the test host's Identity database (SQLite):
/// the product has no such page yet, and tests must not add one.
/// </summary>
public static class IdentityDatabase
{
    /// <summary>Locks the account until the year 9999, as <c>UserManager.SetLockoutEndDateAsync</c> would.</summary>
    public static Task LockOutAsync(HostProcess host, string userName) =>
        ExecuteAsync(host, "UPDATE AspNetUsers SET LockoutEnabled = 1, LockoutEnd = '9999-12-31 00:00:00+00:00' WHERE UserName = $user", userName);

    /// <summary>A new password hash and a new security stamp, as <c>UserManager.ChangePasswordAsync</c> writes them.</summary>
    public static Task ChangePasswordAsync(HostProcess host, string userName, string newPassword) =>
        ExecuteAsync(
            host,
            "UPDATE AspNetUsers SET PasswordHash = $hash, SecurityStamp = $stamp WHERE UserName = $user",
            userName,
            ("$hash", new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(userName), newPassword)),
            ("$stamp", Guid.NewGuid().ToString("N").ToUpperInvariant()));

    private static async Task ExecuteAsync(HostProcess host, string sql, string userName, params (string Name, string Value)[] parameters)
    {
        var path = Path.Combine(host.WorkDirectory, "data", "servicepro.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$user", userName);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var changed = await command.ExecuteNonQueryAsync();
        if (changed != 1)
        {
            throw new InvalidOperationException($"No user {userName} in {path}.");
        }
    }
}
