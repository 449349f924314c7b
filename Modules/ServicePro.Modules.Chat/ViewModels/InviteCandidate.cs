using CommunityToolkit.Mvvm.ComponentModel;

namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>A rep in the invite window: their availability, and whether the originator picked them.</summary>
public sealed partial class InviteCandidate(string userName, PresenceStatus status) : ObservableObject
{
    public string UserName { get; } = userName;

    public PresenceStatus Status { get; } = status;

    /// <summary>Offline reps cannot be invited.</summary>
    public bool CanInvite => Status != PresenceStatus.Offline;

    [ObservableProperty]
    public partial bool IsSelected { get; set; }
}
