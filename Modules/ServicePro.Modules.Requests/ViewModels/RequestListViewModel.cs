using System.Data.Common;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using ServicePro.Modules.Requests.Services;

namespace ServicePro.Modules.Requests.ViewModels;

/// <summary>The Requests page: a text filter (number, title, requester), a status filter, and pages of requests.</summary>
public sealed partial class RequestListViewModel(IRequestService requests) : ObservableObject
{
    /// <summary>Matches a request number, or part of a title or requester.</summary>
    [ObservableProperty]
    public partial string FilterText { get; set; } = string.Empty;

    /// <summary>Only requests in this status; <c>null</c> for all.</summary>
    [ObservableProperty]
    public partial RequestStatus? StatusFilter { get; set; }

    [ObservableProperty]
    [NotifyCanExecuteChangedFor(nameof(NextPageCommand), nameof(PreviousPageCommand))]
    public partial PagedRequests Page { get; private set; } = PagedRequests.Empty;

    /// <summary>Why the list could not be shown; <c>null</c> when it was.</summary>
    [ObservableProperty]
    public partial string? Error { get; private set; }

    public int PageSize { get; set; } = RequestsConstants.DefaultPageSize;

    /// <summary>Sets the status filter from the picker's value (empty for all) and searches again.</summary>
    public Task SetStatusFilterAsync(string? value, CancellationToken cancellationToken)
    {
        StatusFilter = StatusNames.TryParse(value, out var status) ? status : null;
        return LoadAsync(0, cancellationToken);
    }

    [RelayCommand]
    private Task SearchAsync(CancellationToken cancellationToken) => LoadAsync(0, cancellationToken);

    [RelayCommand(CanExecute = nameof(CanGoNext))]
    private Task NextPageAsync(CancellationToken cancellationToken) => LoadAsync(Page.PageIndex + 1, cancellationToken);

    [RelayCommand(CanExecute = nameof(CanGoPrevious))]
    private Task PreviousPageAsync(CancellationToken cancellationToken) => LoadAsync(Page.PageIndex - 1, cancellationToken);

    private bool CanGoNext() => Page.HasNext;

    private bool CanGoPrevious() => Page.HasPrevious;

    private async Task LoadAsync(int pageIndex, CancellationToken cancellationToken)
    {
        if (FilterText.Trim().Length > RequestsConstants.FilterTextMaxLength)
        {
            Error = $"The filter is too long: at most {RequestsConstants.FilterTextMaxLength} characters.";
            return;
        }

        try
        {
            Page = await requests.ListAsync(new RequestQuery(FilterText, StatusFilter, pageIndex, PageSize), cancellationToken);
            Error = null;
        }
        catch (DbException ex)
        {
            Error = $"The requests could not be loaded: {ex.Message}";
        }
    }
}
