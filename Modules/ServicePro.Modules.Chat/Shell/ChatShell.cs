using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Shell;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Shell;

/// <summary>
/// Chat in one rep's shell (one per Blazor circuit): the tile, pending invitations, the invite window and the open chat
/// windows, shared by the tile, the Social item, the pop-ups and the Messages view. It talks to the chat application in
/// process through the circuit's <see cref="CircuitChat"/>, as the circuit's signed-in rep.
/// </summary>
public sealed partial class ChatShell(
    IShellChat chat,
    AuthenticationStateProvider authentication,
    IUserDirectory users,
    TimeProvider time,
    ILogger<ChatShell> logger,
    IUserDisplayNames? displayNames = null,
    IShellAttention? attention = null) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ChatWindowState> _windows = [];
    private readonly Dictionary<string, PresenceStatus> _presence = new(StringComparer.OrdinalIgnoreCase);
    private Task? _started;
    private bool _attached;
    private ChatAttention? _attention;

    /// <summary>Raised whenever something the chat views show changed (on the circuit's dispatcher).</summary>
    public event Action? Changed;

    public string CurrentUser { get; private set; } = string.Empty;

    public bool IsStarted => _attached;

    public IChatApi Chat => _attached ? chat : throw new InvalidOperationException("Chat has not started in this shell yet.");

    public ChatTileViewModel? Tile { get; private set; }

    public InvitationPopupViewModel? Invitations { get; private set; }

    /// <summary>The invite window while it is open.</summary>
    public InviteWindowViewModel? InviteWindow { get; private set; }

    public IReadOnlyList<ChatWindowState> Windows => _windows;

    /// <summary>The sessions this rep is in that are still running.</summary>
    public int LiveSessionCount => _windows.Count(w => !w.ViewModel.IsEnded);

    /// <summary>The most reps the tile lists by name: with thousands online it shows the count and the first of them.</summary>
    public const int OnlineListLimit = 50;

    /// <summary>The other reps with an open shell, and their availability.</summary>
    public IReadOnlyList<PresenceDto> OnlineReps => [.. _presence
        .Where(p => p.Value != PresenceStatus.Offline && !string.Equals(p.Key, CurrentUser, StringComparison.OrdinalIgnoreCase))
        .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
        .Select(p => new PresenceDto(p.Key, p.Value))];

    /// <summary>Why chat could not start or an action failed, in words.</summary>
    public string? Error { get; private set; }

    /// <summary>Connects once per shell; later calls return the same task. <paramref name="dispatch"/> runs on the renderer.</summary>
    public Task EnsureStartedAsync(Func<Action, Task> dispatch)
    {
        lock (_gate)
        {
            return _started ??= StartAsync(dispatch);
        }
    }

    /// <summary>Starts a session (attached to <paramref name="requestNumber"/>, or a Workbench one), opens its window and the invite window.</summary>
    public async Task StartSessionAsync(int? requestNumber, CancellationToken cancellationToken = default)
    {
        var session = await Chat.StartSessionAsync(requestNumber, cancellationToken);
        await OpenSessionAsync(session, invite: true, cancellationToken);
    }

    /// <summary>Opens the invite window for a session the rep is in.</summary>
    public async Task OpenInviteAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var attendees = _windows.FirstOrDefault(w => w.SessionId == sessionId)?.ViewModel.Attendees.Select(a => a.UserName).ToList() ?? [];
        attendees.Add(CurrentUser);
        var window = new InviteWindowViewModel(Chat, users);
        window.Invited += (_, _) => CloseInvite();
        await window.LoadAsync(sessionId, attendees, cancellationToken);
        InviteWindow = window;
        Notify();
    }

    public void CloseInvite()
    {
        InviteWindow = null;
        Notify();
    }

    public void CloseWindow(ChatWindowState window)
    {
        ArgumentNullException.ThrowIfNull(window);
        _windows.Remove(window);
        window.Dispose();
        if (InviteWindow?.SessionId == window.SessionId)
        {
            InviteWindow = null;
        }

        Notify();
    }

    public void ToggleCollapsed(ChatWindowState window)
    {
        ArgumentNullException.ThrowIfNull(window);
        window.ToggleCollapsed();
        Notify();
    }

    /// <summary>Tells the views to render again (after a view-model command ran).</summary>
    public void Notify() => Changed?.Invoke();

    public ValueTask DisposeAsync()
    {
        foreach (var window in _windows)
        {
            window.Dispose();
        }

        _windows.Clear();
        Invitations?.Dispose();
        _attention?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task StartAsync(Func<Action, Task> dispatch)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        CurrentUser = user.Identity?.Name ?? throw new InvalidOperationException("Chat needs a signed-in rep.");
        chat.Attach(user, dispatch);
        _attached = true;
        chat.PresenceChanged += (_, p) =>
        {
            _presence[p.UserName] = p.Status;
            Notify();
        };
        chat.SessionEnded += (_, _) => Notify();
        if (attention is not null)
        {
            // Invitations and mentions reach her through the shell even while its tab is in the background.
            _attention = new ChatAttention(chat, attention, CurrentUser, displayNames is null ? name => name : displayNames.Of, logger);
        }

        Tile = new ChatTileViewModel(chat);
        Tile.SessionStarted += (_, session) => _ = dispatch(() => _ = OpenSessionSafelyAsync(session));
        Invitations = new InvitationPopupViewModel(chat, displayNames is null ? null : displayNames.Of);
        Invitations.Joined += (_, session) => _ = dispatch(() => _ = OpenSessionSafelyAsync(session, invite: false));
        Invitations.PropertyChanged += (_, _) => Notify();
        try
        {
            foreach (var presence in await chat.GetPresenceAsync())
            {
                _presence[presence.UserName] = presence.Status;
            }

            await Invitations.LoadAsync();

            // A reload or a new tab: the sessions the rep is still in come back, each with its whole dialog.
            foreach (var session in await chat.GetMyLiveSessionsAsync())
            {
                await OpenSessionAsync(session, invite: false, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStartFailed(logger, ex, CurrentUser);
            Error = ex is ChatException refused ? refused.Message : "Chat could not load your invitations and chats; reload the page to try again.";
        }

        Notify();
    }

    private async Task OpenSessionSafelyAsync(ChatSessionDto session, bool invite = true)
    {
        try
        {
            await OpenSessionAsync(session, invite, CancellationToken.None);
        }
        catch (ChatException ex)
        {
            Error = ex.Message;
            Notify();
        }
    }

    private async Task OpenSessionAsync(ChatSessionDto session, bool invite, CancellationToken cancellationToken)
    {
        if (_windows.FirstOrDefault(w => w.SessionId == session.SessionId) is not { } window)
        {
            var viewModel = new ChatWindowViewModel(Chat, time) { CurrentUser = CurrentUser };
            window = new ChatWindowState(viewModel, session.RequestNumber, session.RequestTitle);
            viewModel.CloseRequested += (_, _) => CloseWindow(window);
            viewModel.InviteRequested += (_, id) => _ = OpenInviteSafelyAsync(id);
            viewModel.PropertyChanged += (_, e) =>
            {
                if (e.PropertyName == nameof(ChatWindowViewModel.IsEnded))
                {
                    // The tile's count of live chats.
                    Notify();
                }
            };
            _windows.Add(window);
            await viewModel.LoadAsync(session.SessionId, cancellationToken);
        }

        if (invite)
        {
            await OpenInviteAsync(session.SessionId, cancellationToken);
        }

        Notify();
    }

    private async Task OpenInviteSafelyAsync(Guid sessionId)
    {
        try
        {
            await OpenInviteAsync(sessionId);
        }
        catch (ChatException ex)
        {
            Error = ex.Message;
            Notify();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat could not start for {User}")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string user);
}
