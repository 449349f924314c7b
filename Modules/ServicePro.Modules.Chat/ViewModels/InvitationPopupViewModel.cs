using System.Collections.ObjectModel;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>The invitation pop-up: who invites, for what request, with Accept and Decline. Expired ones disappear.</summary>
public sealed partial class InvitationPopupViewModel : ObservableObject, IDisposable
{
    private readonly IChatApi _chat;
    private readonly Func<string, string> _displayName;

    /// <param name="chat">The rep's chat.</param>
    /// <param name="displayName">The name people see for a user name (the user name itself when omitted).</param>
    public InvitationPopupViewModel(IChatApi chat, Func<string, string>? displayName = null)
    {
        _chat = chat;
        _displayName = displayName ?? (userName => userName);
        chat.InvitationReceived += OnReceived;
        chat.InvitationClosed += OnClosed;
    }

    /// <summary>Raised after Accept: the shell opens the chat window on the session.</summary>
    public event EventHandler<ChatSessionDto>? Joined;

    public ObservableCollection<ChatInvitationDto> Pending { get; } = [];

    /// <summary>The invitation the pop-up shows (the oldest pending), or <c>null</c> to hide it.</summary>
    [ObservableProperty]
    [NotifyPropertyChangedFor(nameof(Text), nameof(IsVisible))]
    public partial ChatInvitationDto? Current { get; private set; }

    public bool IsVisible => Current is not null;

    public string Text => Current is null
        ? string.Empty
        : Current.RequestNumber is { } number
            ? $"{_displayName(Current.InvitedBy)} invites you to chat about request {number}{(Current.RequestTitle is null ? string.Empty : $" ({Current.RequestTitle})")}."
            : $"{_displayName(Current.InvitedBy)} invites you to chat.";

    [ObservableProperty]
    public partial string? Error { get; private set; }

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        foreach (var invitation in await _chat.GetMyInvitationsAsync(cancellationToken))
        {
            Add(invitation);
        }
    }

    public void Dispose()
    {
        _chat.InvitationReceived -= OnReceived;
        _chat.InvitationClosed -= OnClosed;
    }

    [RelayCommand]
    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        if (Current is not { } invitation)
        {
            return;
        }

        Error = null;
        try
        {
            var session = await _chat.AcceptInvitationAsync(invitation.InvitationId, cancellationToken);
            Remove(invitation.InvitationId);
            Joined?.Invoke(this, session);
        }
        catch (ChatException ex)
        {
            Error = ex.Message;
            Remove(invitation.InvitationId);
        }
    }

    [RelayCommand]
    private async Task DeclineAsync(CancellationToken cancellationToken)
    {
        if (Current is not { } invitation)
        {
            return;
        }

        Error = null;
        try
        {
            await _chat.DeclineInvitationAsync(invitation.InvitationId, cancellationToken);
        }
        catch (ChatException ex)
        {
            Error = ex.Message;
        }

        Remove(invitation.InvitationId);
    }

    private void Add(ChatInvitationDto invitation)
    {
        if (Pending.All(p => p.InvitationId != invitation.InvitationId))
        {
            Pending.Add(invitation);
        }

        Current = Pending.FirstOrDefault();
    }

    private void Remove(Guid invitationId)
    {
        if (Pending.FirstOrDefault(p => p.InvitationId == invitationId) is { } found)
        {
            Pending.Remove(found);
        }

        Current = Pending.FirstOrDefault();
    }

    private void OnReceived(object? sender, ChatInvitationDto invitation) => Add(invitation);

    private void OnClosed(object? sender, ChatInvitationDto invitation) => Remove(invitation.InvitationId);
}
