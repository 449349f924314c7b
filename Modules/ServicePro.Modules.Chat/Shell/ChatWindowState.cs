using System.Collections.Specialized;
using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Shell;

/// <summary>One open chat window in the shell: its view model, whether it is collapsed, and what arrived meanwhile.</summary>
public sealed class ChatWindowState : IDisposable
{
    public ChatWindowState(ChatWindowViewModel viewModel, int? requestNumber, string? requestTitle)
    {
        ViewModel = viewModel;
        RequestNumber = requestNumber;
        RequestTitle = requestTitle;
        viewModel.Entries.CollectionChanged += OnEntries;
    }

    public ChatWindowViewModel ViewModel { get; }

    public Guid SessionId => ViewModel.SessionId;

    public int? RequestNumber { get; }

    public string? RequestTitle { get; }

    /// <summary>The window's heading: the request it is about, or "Workbench chat".</summary>
    public string Title => RequestNumber is { } number ? $"Chat · #{number}{(RequestTitle is null ? string.Empty : $" {RequestTitle}")}" : "Workbench chat";

    public bool IsCollapsed { get; private set; }

    /// <summary>Messages from others that arrived while the window was collapsed.</summary>
    public int Unread { get; private set; }

    /// <summary>Of those, the messages that mention this rep (<see cref="ChatMentions"/>).</summary>
    public int UnreadMentions { get; private set; }

    public void ToggleCollapsed()
    {
        IsCollapsed = !IsCollapsed;
        if (!IsCollapsed)
        {
            Unread = 0;
            UnreadMentions = 0;
        }
    }

    public void Dispose()
    {
        ViewModel.Entries.CollectionChanged -= OnEntries;
        ViewModel.Dispose();
    }

    private void OnEntries(object? sender, NotifyCollectionChangedEventArgs e)
    {
        if (IsCollapsed && e.Action == NotifyCollectionChangedAction.Add && e.NewItems is not null)
        {
            var fromOthers = e.NewItems.OfType<ChatEntryDto>()
                .Where(entry => entry.Kind == TranscriptLineKind.Message && !string.Equals(entry.Author, ViewModel.CurrentUser, StringComparison.OrdinalIgnoreCase))
                .ToList();
            Unread += fromOthers.Count;
            UnreadMentions += fromOthers.Count(entry => ChatMentions.Mentions(entry.Text, ViewModel.CurrentUser));
        }
    }
}
