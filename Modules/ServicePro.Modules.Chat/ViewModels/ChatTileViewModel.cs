using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>The Chat tile on the Workbench: the rep's availability (bottom-right) and the Chat icon that starts a session.</summary>
public sealed partial class ChatTileViewModel : ObservableObject
{
    private readonly IChatApi _chat;

    public ChatTileViewModel(IChatApi chat)
    {
        _chat = chat;
    }

    /// <summary>Raised with the new session: the shell opens its chat window and the invite window.</summary>
    public event EventHandler<ChatSessionDto>? SessionStarted;

    public static IReadOnlyList<PresenceStatus> Choices { get; } = [PresenceStatus.Available, PresenceStatus.Busy, PresenceStatus.Away];

    [ObservableProperty]
    public partial PresenceStatus Status { get; private set; } = PresenceStatus.Available;

    [ObservableProperty]
    public partial string? Error { get; private set; }

    [RelayCommand]
    private async Task SetStatusAsync(PresenceStatus status, CancellationToken cancellationToken)
    {
        Error = null;
        try
        {
            await _chat.SetPresenceAsync(status, cancellationToken);
            Status = status;
        }
        catch (ChatException ex)
        {
            Error = ex.Message;
        }
    }

    /// <summary>Starts a Workbench session (no request); from a request's ribbon the shell passes its number.</summary>
    [RelayCommand]
    private async Task StartChatAsync(int? requestNumber, CancellationToken cancellationToken)
    {
        Error = null;
        try
        {
            SessionStarted?.Invoke(this, await _chat.StartSessionAsync(requestNumber, cancellationToken));
        }
        catch (ChatException ex)
        {
            Error = ex.Message;
        }
    }
}
