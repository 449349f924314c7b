using System.Data.Common;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ServicePro.Host.Data;
using ServicePro.Host.Identity;

namespace ServicePro.Host.ViewModels;

/// <summary>
/// Admin → Users: the list, the create form (kept as typed when refused), the per-user actions and the audit trail.
/// Each action runs in a scope of its own, so that a long-lived circuit never works on a stale unit of work.
/// </summary>
public sealed partial class UsersViewModel(IServiceScopeFactory scopes, ILogger<UsersViewModel> logger)
{
    public const int AuditLines = 50;

    public ClaimsPrincipal User { get; set; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<UserAuditRecord> Audit { get; private set; } = [];

    public string Search { get; set; } = string.Empty;

    public IReadOnlyList<UserRow> Found => [.. UserQueries.Filter(Users, Search)];

    /// <summary>The create form; <c>null</c> while closed.</summary>
    public NewUser? Form { get; private set; }

    /// <summary>The user whose roles are being edited, with the boxes as ticked.</summary>
    public RolesEdit? EditingRoles { get; private set; }

    /// <summary>The user whose password is being reset, and the temporary password typed.</summary>
    public string? ResettingFor { get; private set; }

    public string TemporaryPassword { get; set; } = string.Empty;

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        Users = await scope.ServiceProvider.GetRequiredService<UserQueries>().ListAsync(cancellationToken);
        Audit = await scope.ServiceProvider.GetRequiredService<UserAudit>().LatestAsync(AuditLines, cancellationToken);
    }

    public void OpenForm()
    {
        Form = new NewUser();
        Clear();
    }

    public void CloseForms()
    {
        Form = null;
        EditingRoles = null;
        ResettingFor = null;
        TemporaryPassword = string.Empty;
        Clear();
    }

    public void EditRoles(UserRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        CloseForms();
        EditingRoles = new RolesEdit(row.UserName)
        {
            Rep = row.Roles.Contains(Contracts.Security.ServiceProRoles.Rep),
            Privileged = row.Roles.Contains(Contracts.Security.ServiceProRoles.Privileged),
            Administrator = row.Roles.Contains(Contracts.Security.ServiceProRoles.Administrator),
        };
    }

    public void StartReset(UserRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        CloseForms();
        ResettingFor = row.UserName;
    }

    public Task CreateAsync() => Form is null
        ? Task.CompletedTask
        : RunAsync(admin => admin.CreateAsync(User, Form), $"{Form.UserName.Trim()} was created; she changes the temporary password at her first sign-in.");

    public Task SaveRolesAsync() => EditingRoles is not { } edit
        ? Task.CompletedTask
        : RunAsync(admin => admin.SetRolesAsync(User, edit.UserName, UserRoles.From(edit.Rep, edit.Privileged, edit.Administrator)), $"The roles of {edit.UserName} were changed.");

    public Task SetEnabledAsync(UserRow row, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(row);
        return RunAsync(admin => admin.SetEnabledAsync(User, row.UserName, enabled), $"{row.UserName} was {(enabled ? "enabled" : "disabled")}.");
    }

    public Task ResetPasswordAsync() => ResettingFor is not { } userName
        ? Task.CompletedTask
        : RunAsync(admin => admin.ResetPasswordAsync(User, userName, TemporaryPassword), $"The password of {userName} was reset; she changes it at her next sign-in.");

    public Task UnlockAsync(UserRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return RunAsync(admin => admin.UnlockAsync(User, row.UserName), $"{row.UserName} was unlocked.");
    }

    private void Clear()
    {
        Error = null;
        Message = null;
    }

    /// <summary>Runs one change; on success closes the forms and reloads, on refusal keeps everything typed and says why.</summary>
    private async Task RunAsync(Func<UserAdministration, Task<UserChangeResult>> change, string done)
    {
        Clear();
        UserChangeResult result;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            result = await change(scope.ServiceProvider.GetRequiredService<UserAdministration>());
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException or RetryLimitExceededException or TimeoutException)
        {
            // The page stays up, with what was typed: the administrator tries again.
            LogChangeFailed(logger, ex);
            Error = "The database could not store the change; nothing was changed. Try again.";
            return;
        }

        if (!result.Succeeded)
        {
            Error = result.Error;
            return;
        }

        CloseForms();
        Message = done;
        await RefreshAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change on Admin → Users could not be stored")]
    private static partial void LogChangeFailed(ILogger logger, Exception exception);

    /// <summary>The role boxes of one user while an administrator changes them.</summary>
    public sealed class RolesEdit(string userName)
    {
        public string UserName { get; } = userName;

        public bool Rep { get; set; }

        public bool Privileged { get; set; }

        public bool Administrator { get; set; }
    }
}
