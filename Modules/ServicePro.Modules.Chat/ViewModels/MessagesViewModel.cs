using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using ServicePro.Modules.Chat.Client;
using ServicePro.Modules.Chat.Hubs;

namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>The Messages view: the Workbench sessions the rep took part in, newest first, each with its transcript.</summary>
public sealed partial class MessagesViewModel(IChatService chat) : ObservableObject
{
    [ObservableProperty]
    public partial IReadOnlyList<ChatSessionSummaryDto> Sessions { get; private set; } = [];

    [ObservableProperty]
    public partial ChatSessionSummaryDto? Selected { get; set; }

    [ObservableProperty]
    public partial string? Error { get; private set; }

    [RelayCommand]
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Error = null;
        try
        {
            Sessions = await chat.GetMySessionsAsync(cancellationToken);
            Selected = Sessions.FirstOrDefault(s => s.SessionId == Selected?.SessionId) ?? Sessions.FirstOrDefault();
        }
        catch (ChatClientException ex)
        {
            Error = ex.Message;
        }
    }
}
