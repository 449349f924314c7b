using System.Security.Claims;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Requests.Services;

namespace ServicePro.Modules.Requests.ViewModels;

/// <summary>The new-request form. What the rep typed stays when saving is refused.</summary>
public sealed partial class NewRequestViewModel(IRequestService requests, IUserDirectory users) : ObservableObject
{
    [ObservableProperty]
    public partial string Title { get; set; } = string.Empty;

    [ObservableProperty]
    public partial string Description { get; set; } = string.Empty;

    [ObservableProperty]
    public partial string Requester { get; set; } = string.Empty;

    /// <summary>The user name of the rep to assign; empty for nobody.</summary>
    [ObservableProperty]
    public partial string AssignedTo { get; set; } = string.Empty;

    /// <summary>Every user who may be assigned.</summary>
    [ObservableProperty]
    public partial IReadOnlyList<string> Users { get; private set; } = [];

    [ObservableProperty]
    public partial string? Error { get; private set; }

    /// <summary>The request once saved.</summary>
    [ObservableProperty]
    public partial RequestDetails? Created { get; private set; }

    /// <summary>The signed-in rep, who creates the request.</summary>
    public ClaimsPrincipal User { get; set; } = new();

    [RelayCommand]
    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Users = (await users.ListAsync(cancellationToken)).Select(u => u.UserName).ToList();

    [RelayCommand]
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var result = await requests.CreateAsync(new NewRequest(Title, Description, Requester, AssignedTo), User, cancellationToken);
        Error = result.Error;
        Created = result.Value;
    }
}
