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

    public ObservableCollection<InviteCandidate> Candidates { get; } = [];

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
