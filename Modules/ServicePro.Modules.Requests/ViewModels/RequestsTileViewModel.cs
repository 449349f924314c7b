using System.Data.Common;
using System.Security.Claims;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using ServicePro.Modules.Requests.Services;

namespace ServicePro.Modules.Requests.ViewModels;

/// <summary>The Workbench tile: the signed-in rep's open requests and counts by status.</summary>
public sealed partial class RequestsTileViewModel(IRequestService requests) : ObservableObject
{
    [ObservableProperty]
    public partial RequestTileSummary? Summary { get; private set; }

    [ObservableProperty]
    public partial string? Error { get; private set; }

    public ClaimsPrincipal User { get; set; } = new();

    public int CountOf(RequestStatus status) => Summary?.CountsByStatus.GetValueOrDefault(status) ?? 0;

    [RelayCommand]
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Summary = await requests.GetTileSummaryAsync(User, cancellationToken);
            Error = null;
        }
        catch (DbException ex)
        {
            Error = $"Your requests could not be loaded: {ex.Message}";
        }
    }
}
