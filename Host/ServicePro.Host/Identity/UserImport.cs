using Microsoft.AspNetCore.Identity;

namespace ServicePro.Host.Identity;

/// <summary>The preview of a CSV import: the file's own checks, then those that need the store (taken names, password rules).</summary>
public sealed class UserImport(UserManager<IdentityUser> users)
{
    public async Task<IReadOnlyList<ImportLine>> CheckAsync(IReadOnlyList<ImportLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var checkedLines = new List<ImportLine>(lines.Count);
        foreach (var line in lines)
        {
            checkedLines.Add(line.Error is not null ? line : line with { Error = await StoreErrorAsync(line.User) });
        }

        return checkedLines;
    }

    private async Task<string?> StoreErrorAsync(NewUser user)
    {
        if (await users.FindByNameAsync(user.UserName) is not null)
        {
            return $"User name '{user.UserName}' is already taken.";
        }

        var candidate = new IdentityUser(user.UserName);
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, user.Password);
            if (!result.Succeeded)
            {
                return string.Join(" ", result.Errors.Select(e => e.Description));
            }
        }

        foreach (var validator in users.UserValidators)
        {
            var result = await validator.ValidateAsync(users, candidate);
            if (!result.Succeeded)
            {
                return string.Join(" ", result.Errors.Select(e => e.Description));
            }
        }

        return null;
    }
}
