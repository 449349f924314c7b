using System.Globalization;
using System.Security.Claims;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Requests.Services;

namespace ServicePro.Modules.Requests.ViewModels;

/// <summary>
/// One request's page: its details, status and assignment changes, notes, and the Activity Stream in the order the
/// rep chose. <see cref="RefreshAsync"/> is called whenever anyone adds activity to the request.
/// </summary>
public sealed partial class RequestDetailsViewModel(IRequestService requests, IUserDirectory users) : ObservableObject
{
    private IReadOnlyList<ActivityView> _activity = [];

    public int Number { get; private set; }

    [ObservableProperty]
    public partial RequestDetails? Request { get; private set; }

    /// <summary>True when no request has <see cref="Number"/>.</summary>
    [ObservableProperty]
    public partial bool NotFound { get; private set; }

    /// <summary>The Activity Stream in display order.</summary>
    [ObservableProperty]
    public partial IReadOnlyList<ActivityView> Activity { get; private set; } = [];

    /// <summary>Newest entries first (the default) or oldest first.</summary>
    [ObservableProperty]
    public partial bool NewestFirst { get; private set; } = true;

    [ObservableProperty]
    public partial IReadOnlyList<string> Users { get; private set; } = [];

    /// <summary>The note being written; kept when adding it is refused.</summary>
    [ObservableProperty]
    public partial string NoteText { get; set; } = string.Empty;

    /// <summary>Why the last status or assignment change was refused; <c>null</c> when it was made.</summary>
    [ObservableProperty]
    public partial string? Error { get; private set; }

    /// <summary>
    /// Why the last note was refused; <c>null</c> when it was added. Shown beside the note box, which a long
    /// description pushes far below the top of the page.
    /// </summary>
    [ObservableProperty]
    public partial string? NoteError { get; private set; }

    /// <summary>Increments on every status or assignment attempt, so that pickers show the stored value again after a refusal.</summary>
    public int Version { get; private set; }

    /// <summary>The signed-in rep: who acts, and whose right to read transcripts counts.</summary>
    public ClaimsPrincipal User { get; set; } = new();

    public string Heading => Request is null
        ? string.Create(CultureInfo.InvariantCulture, $"Request #{Number}")
        : string.Create(CultureInfo.InvariantCulture, $"#{Request.Number} {Request.Title}");

    public async Task LoadAsync(int number, CancellationToken cancellationToken)
    {
        Number = number;
        Error = null;
        Users = (await users.ListAsync(cancellationToken)).Select(u => u.UserName).ToList();
        await RefreshAsync(cancellationToken);
    }

    /// <summary>Reads the request and its Activity Stream again.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        Request = await requests.FindAsync(Number, cancellationToken);
        NotFound = Request is null;
        _activity = Request is null ? [] : await requests.GetActivityAsync(Number, User, cancellationToken);
        Order();
    }

    public Task ChangeStatusAsync(string? value, CancellationToken cancellationToken)
    {
        if (!StatusNames.TryParse(value, out var status))
        {
            Version++;
            Error = "That is not a status.";
            return Task.CompletedTask;
        }

        return ApplyAsync(requests.ChangeStatusAsync(Number, status, User, cancellationToken), cancellationToken);
    }

    public Task AssignAsync(string? assignee, CancellationToken cancellationToken) =>
        ApplyAsync(requests.AssignAsync(Number, assignee, User, cancellationToken), cancellationToken);

    [RelayCommand]
    private async Task AddNoteAsync(CancellationToken cancellationToken)
    {
        var added = await ApplyAsync(requests.AddNoteAsync(Number, NoteText, User, cancellationToken), cancellationToken);
        (NoteError, Error) = (Error, null);
        if (added)
        {
            NoteText = string.Empty;
        }
    }

    [RelayCommand]
    private void ToggleOrder()
    {
        NewestFirst = !NewestFirst;
        Order();
    }

    private async Task<bool> ApplyAsync(Task<RequestResult<RequestDetails>> change, CancellationToken cancellationToken)
    {
        Version++;
        var result = await change;
        Error = result.Error;
        await RefreshAsync(cancellationToken);
        return result.Succeeded;
    }

    private void Order() => Activity = NewestFirst ? _activity.Reverse().ToList() : _activity;
}
