using System.Data.Common;
using System.Security.Claims;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Modules;
using ServicePro.Host.Modularity;

namespace ServicePro.Host.ViewModels;

/// <summary>Admin → Modules: every module with its state, and the enable/disable command.</summary>
public sealed partial class ModulesViewModel(IModuleStatus status, IModuleAdministration administration) : ObservableObject
{
    /// <summary>Every module of modules.config, in dependency order.</summary>
    [ObservableProperty]
    public partial IReadOnlyList<ModuleInfo> Modules { get; private set; } = [];

    /// <summary>Why the last change was not made; <c>null</c> when it was.</summary>
    [ObservableProperty]
    public partial string? Error { get; private set; }

    /// <summary>The signed-in user; the service checks that they are an administrator.</summary>
    public ClaimsPrincipal User { get; set; } = new();

    /// <summary>True when the module's button offers Enable; otherwise it offers Disable.</summary>
    public static bool OffersEnable(ModuleInfo module) =>
        module.State == ModuleState.Disabled && !module.RestartRequired;

    public void Refresh() => Modules = status.Modules;

    [RelayCommand]
    private async Task ToggleAsync(ModuleInfo module, CancellationToken cancellationToken)
    {
        Error = null;
        try
        {
            var result = await administration.SetEnabledAsync(module.Id, OffersEnable(module), User, cancellationToken);
            Error = result.Error;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            Error = $"The module's state could not be stored: {ex.Message}";
        }
        finally
        {
            Refresh();
        }
    }
}
