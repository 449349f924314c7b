using System.Collections.ObjectModel;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>The invite window: the other reps with their availability; the originator picks one or more.</summary>
public sealed partial class InviteWindowViewModel(IChatApi chat, IUserDirectory users) : ObservableObject
{
    /// <summary>Raised after the invitations went out: the shell closes the window.</summary>
    public event EventHandler<IReadOnlyList<ChatInvitationDto>>? Invited;

    public Guid SessionId { get; private set; }

    /// <summary>The most candidates the window shows at once: with thousands of reps, the originator searches.</summary>
    public const int ShownLimit = 50;

    public ObservableCollection<InviteCandidate> Candidates { get; } = [];

    /// <summary>What the originator typed to find reps (part of a name, any case); empty shows the first ones.</summary>
    [ObservableProperty]
    [NotifyPropertyChangedFor(nameof(Shown))]
    public partial string Search { get; set; } = string.Empty;

    /// <summary>
    /// The candidates the window lists: those whose name contains <see cref="Search"/>, at most <see cref="ShownLimit"/>,
    /// reps who can be invited first. Picked reps stay picked while the search hides them.
    /// </summary>
    public IReadOnlyList<InviteCandidate> Shown => Candidates.Count <= ShownLimit && Search.Length == 0
        ? Candidates
        : [.. Candidates
            .Where(c => c.UserName.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.CanInvite ? 0 : 1)
            .Take(ShownLimit)];

    /// <summary>How many candidates the search matches beyond those shown.</summary>
    public int NotShown => Candidates.Count(c => c.UserName.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase)) - Shown.Count;

    [ObservableProperty]
    public partial string? Error { get; private set; }

    /// <summary>Lists every rep except the current attendees, Offline ones shown but not selectable.</summary>
    public async Task LoadAsync(Guid sessionId, IReadOnlyCollection<string> attendees, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        SessionId = sessionId;
        var presence = (await chat.GetPresenceAsync(cancellationToken)).ToDictionary(p => p.UserName, p => p.Status, StringComparer.OrdinalIgnoreCase);
        Candidates.Clear();
        foreach (var user in (await users.ListAsync(cancellationToken)).OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase))
        {
            if (!attendees.Contains(user.UserName, StringComparer.OrdinalIgnoreCase))
            {
                var candidate = new InviteCandidate(user.UserName, presence.GetValueOrDefault(user.UserName, PresenceStatus.Offline));
                candidate.PropertyChanged += (_, _) => InviteCommand.NotifyCanExecuteChanged();
                Candidates.Add(candidate);
            }
        }

        InviteCommand.NotifyCanExecuteChanged();
    }

    private bool CanInvite() => Candidates.Any(c => c.IsSelected && c.CanInvite);

    [RelayCommand(CanExecute = nameof(CanInvite))]
    private async Task InviteAsync(CancellationToken cancellationToken)
    {
        Error = null;
        var picked = Candidates.Where(c => c.IsSelected && c.CanInvite).Select(c => c.UserName).ToList();
        try
        {
            var invitations = await chat.InviteAsync(SessionId, picked, cancellationToken);
            Invited?.Invoke(this, invitations);
        }
        catch (ChatException ex)
        {
            Error = ex.Message;
        }
    }
}
