using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>
/// A chat window's Chat Time: the clock shown to every attendee, moved on each second while it runs, and the
/// originator's Pause, Resume and Set (hh:mm:ss). Its refusals are the window's <see cref="ChatWindowViewModel.Error"/>.
/// </summary>
public sealed partial class ChatClockViewModel : ObservableObject
{
    private readonly ChatWindowViewModel _window;
    private readonly IChatApi _chat;
    private readonly TimeProvider _time;
    private ChatTimeDto? _last;

    internal ChatClockViewModel(ChatWindowViewModel window, IChatApi chat, TimeProvider time)
    {
        _window = window;
        _chat = chat;
        _time = time;
    }

    /// <summary>The Chat Time shown.</summary>
    [ObservableProperty]
    public partial TimeSpan Value { get; private set; }

    [ObservableProperty]
    [NotifyCanExecuteChangedFor(nameof(PauseCommand), nameof(ResumeCommand))]
    public partial bool IsRunning { get; private set; }

    /// <summary>What the originator typed to set Chat Time (hh:mm:ss).</summary>
    [ObservableProperty]
    public partial string Input { get; set; } = string.Empty;

    /// <summary>Moves the shown Chat Time on from the last one the server sent, while it runs.</summary>
    public void Tick()
    {
        if (_last is { IsRunning: true } running)
        {
            var elapsed = _time.GetUtcNow() - running.AsOf;
            Value = running.Value + (elapsed > TimeSpan.Zero ? elapsed : TimeSpan.Zero);
        }
    }

    internal void Apply(ChatTimeDto chatTime)
    {
        _last = chatTime;
        Value = chatTime.Value;
        IsRunning = chatTime.IsRunning;
        Tick();
    }

    /// <summary>The session ended: the clock stops at its length.</summary>
    internal void Stop(TimeSpan length, DateTimeOffset endedAt) => Apply(new ChatTimeDto(_window.SessionId, length, false, endedAt));

    /// <summary>The window's originator or end changed: who may pause, resume or set.</summary>
    internal void RefreshCommands()
    {
        PauseCommand.NotifyCanExecuteChanged();
        ResumeCommand.NotifyCanExecuteChanged();
        SetCommand.NotifyCanExecuteChanged();
    }

    private bool CanChange() => _window.IsOriginator && !_window.IsEnded;

    private bool CanPause() => CanChange() && IsRunning;

    [RelayCommand(CanExecute = nameof(CanPause))]
    private Task PauseAsync(CancellationToken cancellationToken) => ChangeAsync(() => _chat.PauseChatTimeAsync(_window.SessionId, cancellationToken));

    private bool CanResume() => CanChange() && !IsRunning;

    [RelayCommand(CanExecute = nameof(CanResume))]
    private Task ResumeAsync(CancellationToken cancellationToken) => ChangeAsync(() => _chat.ResumeChatTimeAsync(_window.SessionId, cancellationToken));

    [RelayCommand(CanExecute = nameof(CanChange))]
    private Task SetAsync(CancellationToken cancellationToken)
    {
        if (!TimeSpan.TryParse(Input, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < TimeSpan.Zero || value > ChatConstants.MaxChatTime)
        {
            _window.ShowError("Enter Chat Time as hh:mm:ss, between 00:00:00 and 24:00:00.");
            return Task.CompletedTask;
        }

        return ChangeAsync(() => _chat.SetChatTimeAsync(_window.SessionId, value, cancellationToken));
    }

    private async Task ChangeAsync(Func<Task<ChatTimeDto>> change)
    {
        _window.ShowError(null);
        try
        {
            Apply(await change());
        }
        catch (ChatException ex)
        {
            _window.ShowError(ex.Message);
        }
    }
}
