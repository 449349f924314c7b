using System.Collections.ObjectModel;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>
/// The chat window: Connections (attendees with availability), Options (Invite, Leave, and Chat Time in
/// <see cref="Clock"/>), the dialog in sequence order, and the text entry with Off the Record. Chat events may arrive
/// on any thread: the view marshals.
/// </summary>
public sealed partial class ChatWindowViewModel : ObservableObject, IDisposable
{
    private readonly IChatApi _chat;
    private readonly ChatTypingNotices _typing;

    /// <summary>How long "bob is typing…" stays after bob's last keystroke notice.</summary>
    public static readonly TimeSpan TypingShownFor = TimeSpan.FromSeconds(4);

    /// <summary>How often this rep's typing is announced while they type.</summary>
    public static readonly TimeSpan TypingSentEvery = TimeSpan.FromSeconds(2);

    public ChatWindowViewModel(IChatApi chat, TimeProvider time)
    {
        _chat = chat;
        _typing = new ChatTypingNotices(time);
        Clock = new ChatClockViewModel(this, chat, time);
        chat.EntryReceived += OnEntry;
        chat.ChatTimeChanged += OnChatTime;
        chat.SessionEnded += OnEnded;
        chat.PresenceChanged += OnPresence;
        chat.OffTheRecordSelected += OnOffTheRecord;
        chat.UserTyping += OnTyping;
    }

    /// <summary>Raised when the rep asks to invite: the shell opens the invite window.</summary>
    public event EventHandler<Guid>? InviteRequested;

    /// <summary>Raised when the window should close (the rep left, or the session ended and they closed it).</summary>
    public event EventHandler? CloseRequested;

    /// <summary>The signed-in rep (the shell sets it).</summary>
    public string CurrentUser { get; set; } = string.Empty;

    public Guid SessionId { get; private set; }

    [ObservableProperty]
    public partial int? RequestNumber { get; private set; }

    [ObservableProperty]
    [NotifyPropertyChangedFor(nameof(IsOriginator))]
    public partial string Originator { get; private set; } = string.Empty;

    public bool IsOriginator => string.Equals(Originator, CurrentUser, StringComparison.OrdinalIgnoreCase);

    public ObservableCollection<ChatAttendee> Attendees { get; } = [];

    /// <summary>The dialog, in sequence order (joins, leaves, messages, notes; Off the Record marked).</summary>
    public ObservableCollection<ChatEntryDto> Entries { get; } = [];

    [ObservableProperty]
    [NotifyCanExecuteChangedFor(nameof(SendCommand))]
    public partial string Draft { get; set; } = string.Empty;

    [ObservableProperty]
    public partial bool IsOffTheRecord { get; set; }

    /// <summary>The other attendee an Off the Record message goes to.</summary>
    [ObservableProperty]
    public partial string? OffTheRecordWith { get; set; }

    /// <summary>Chat Time: its clock, and the originator's Pause, Resume and Set.</summary>
    public ChatClockViewModel Clock { get; }

    [ObservableProperty]
    [NotifyCanExecuteChangedFor(nameof(SendCommand), nameof(InviteCommand))]
    public partial bool IsEnded { get; private set; }

    [ObservableProperty]
    public partial string? EndReason { get; private set; }

    /// <summary>The last refusal or problem, in words; <c>null</c> when the last action worked.</summary>
    [ObservableProperty]
    public partial string? Error { get; private set; }

    /// <summary>Set when another attendee selected Off the Record with this rep.</summary>
    [ObservableProperty]
    public partial string? OffTheRecordNotice { get; private set; }

    /// <summary>"bob is typing…", "bob and carol are typing…", or <c>null</c>.</summary>
    [ObservableProperty]
    public partial string? TypingText { get; private set; }

    /// <summary>Whether the view should call <see cref="Tick"/> (a running clock, or a typing note to expire).</summary>
    public bool NeedsTick => Clock.IsRunning || _typing.Any;

    /// <summary>Opens the window on a session: its attendees, Chat Time and the whole dialog so far.</summary>
    public async Task LoadAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        SessionId = sessionId;
        var session = await _chat.GetSessionAsync(sessionId, cancellationToken);
        RequestNumber = session.RequestNumber;
        Originator = session.Originator;
        IsEnded = session.EndedAt is not null;
        var presence = (await _chat.GetPresenceAsync(cancellationToken)).ToDictionary(p => p.UserName, p => p.Status, StringComparer.OrdinalIgnoreCase);
        Attendees.Clear();
        foreach (var name in session.Attendees)
        {
            Attendees.Add(new ChatAttendee(name, presence.GetValueOrDefault(name, PresenceStatus.Offline)));
        }

        Clock.Apply(session.ChatTime);
        foreach (var entry in await _chat.GetEntriesAsync(sessionId, 0, cancellationToken))
        {
            Insert(entry);
        }
    }

    /// <summary>Moves the displayed Chat Time on and lets typing notes expire (the view calls it once a second).</summary>
    public void Tick()
    {
        TypingText = _typing.Expire();
        Clock.Tick();
    }

    public void Dispose()
    {
        _chat.EntryReceived -= OnEntry;
        _chat.ChatTimeChanged -= OnChatTime;
        _chat.SessionEnded -= OnEnded;
        _chat.PresenceChanged -= OnPresence;
        _chat.OffTheRecordSelected -= OnOffTheRecord;
        _chat.UserTyping -= OnTyping;
    }

    partial void OnDraftChanged(string value)
    {
        if (!IsEnded && !string.IsNullOrWhiteSpace(value) && _typing.ShouldAnnounce())
        {
            _ = AnnounceTypingAsync();
        }
    }

    partial void OnOriginatorChanged(string value) => Clock.RefreshCommands();

    partial void OnIsEndedChanged(bool value) => Clock.RefreshCommands();

    private async Task AnnounceTypingAsync()
    {
        try
        {
            await _chat.TypingAsync(SessionId);
        }
        catch (ChatException)
        {
            // Best effort: a lost typing note is not worth an error.
        }
    }

    private void OnTyping(object? sender, TypingNotice typing)
    {
        if (typing.SessionId == SessionId && !string.Equals(typing.UserName, CurrentUser, StringComparison.OrdinalIgnoreCase) && !IsEnded)
        {
            TypingText = _typing.Typing(typing.UserName);
        }
    }

    private bool CanSend() => !IsEnded && Draft.Trim().Length is > 0 and <= ChatConstants.MaxMessageLength;

    [RelayCommand(CanExecute = nameof(CanSend))]
    private async Task SendAsync(CancellationToken cancellationToken)
    {
        if (IsOffTheRecord && string.IsNullOrWhiteSpace(OffTheRecordWith))
        {
            Error = "Off the Record: pick the attendee who should see the message.";
            return;
        }

        var text = Draft;
        Error = null;
        try
        {
            var entry = await _chat.SendMessageAsync(SessionId, text, IsOffTheRecord ? OffTheRecordWith : null, cancellationToken);
            Insert(entry);
            // Only what was sent leaves the box: what she typed while the send was on its way stays.
            Draft = Draft.StartsWith(text, StringComparison.Ordinal) ? Draft[text.Length..].TrimStart() : Draft;
        }
        catch (ChatException ex)
        {
            // The draft stays, so nothing typed is lost.
            Error = ex.Message;
        }
    }

    private bool CanInvite() => !IsEnded;

    [RelayCommand(CanExecute = nameof(CanInvite))]
    private void Invite() => InviteRequested?.Invoke(this, SessionId);

    [RelayCommand]
    private async Task LeaveAsync(CancellationToken cancellationToken)
    {
        if (!IsEnded)
        {
            try
            {
                await _chat.LeaveSessionAsync(SessionId, cancellationToken);
            }
            catch (ChatException ex) when (ex.Code is ChatConstants.Errors.SessionEnded or ChatConstants.Errors.NotAttendee)
            {
                // Already over for this rep: close anyway.
            }
        }

        CloseRequested?.Invoke(this, EventArgs.Empty);
    }

    private void Insert(ChatEntryDto entry)
    {
        if (entry.SessionId != SessionId || Entries.Any(e => e.Sequence == entry.Sequence))
        {
            return;
        }

        var index = Entries.Count;
        while (index > 0 && Entries[index - 1].Sequence > entry.Sequence)
        {
            index--;
        }

        Entries.Insert(index, entry);
        if (entry.Kind == TranscriptLineKind.Message)
        {
            TypingText = _typing.MessageFrom(entry.Author);
        }

        if (entry.Kind == TranscriptLineKind.Joined && !Attendees.Any(a => a.UserName == entry.Author))
        {
            Attendees.Add(new ChatAttendee(entry.Author, PresenceStatus.Available));
        }
        else if (entry.Kind == TranscriptLineKind.Left && Attendees.FirstOrDefault(a => a.UserName == entry.Author) is { } left)
        {
            Attendees.Remove(left);
        }
    }

    private void OnEntry(object? sender, ChatEntryDto entry) => Insert(entry);

    /// <summary>Hooks for the attachments' view model: an entry it stored, and its refusal (or <c>null</c> to clear it).</summary>
    internal void AddEntry(ChatEntryDto entry) => Insert(entry);

    internal void ShowError(string? message) => Error = message;

    private void OnChatTime(object? sender, ChatTimeDto chatTime)
    {
        if (chatTime.SessionId == SessionId)
        {
            Clock.Apply(chatTime);
        }
    }

    private void OnEnded(object? sender, SessionEndedDto ended)
    {
        if (ended.SessionId == SessionId)
        {
            IsEnded = true;
            EndReason = ended.Reason;
            TypingText = _typing.Clear();
            Clock.Stop(ended.Length, ended.EndedAt);
        }
    }

    private void OnPresence(object? sender, PresenceDto presence)
    {
        for (var i = 0; i < Attendees.Count; i++)
        {
            if (string.Equals(Attendees[i].UserName, presence.UserName, StringComparison.OrdinalIgnoreCase))
            {
                Attendees[i] = Attendees[i] with { Status = presence.Status };
            }
        }
    }

    private void OnOffTheRecord(object? sender, OffTheRecordNotice notice)
    {
        if (notice.SessionId == SessionId)
        {
            OffTheRecordNotice = $"{notice.From} selected Off the Record with you.";
        }
    }
}
