using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Chat.Client;
using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Shell;

/// <summary>
/// Chat in one rep's shell (one per Blazor circuit): the connection as the signed-in rep, the tile, pending invitations,
/// the invite window and the open chat windows, shared by the tile, the Social item, the pop-ups and the Messages view.
/// </summary>
public sealed partial class ChatShell(
    IChatConnectionFactory connections,
    AuthenticationStateProvider authentication,
    NavigationManager navigation,
    IUserDirectory users,
    TimeProvider time,
    ILogger<ChatShell> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ChatWindowState> _windows = [];
    private readonly Dictionary<string, PresenceStatus> _presence = new(StringComparer.OrdinalIgnoreCase);
    private Task? _started;
    private IChatService? _client;
    private DispatchingChatService? _chat;

    /// <summary>Raised whenever something the chat views show changed (on the circuit's dispatcher).</summary>
    public event Action? Changed;

    public string CurrentUser { get; private set; } = string.Empty;

    public bool IsStarted => _chat is not null;

    public IChatService Chat => _chat ?? throw new InvalidOperationException("Chat has not started in this shell yet.");

    public ChatTileViewModel? Tile { get; private set; }

    public InvitationPopupViewModel? Invitations { get; private set; }

    /// <summary>The invite window while it is open.</summary>
    public InviteWindowViewModel? InviteWindow { get; private set; }

    public IReadOnlyList<ChatWindowState> Windows => _windows;

    /// <summary>The sessions this rep is in that are still running.</summary>
    public int LiveSessionCount => _windows.Count(w => !w.ViewModel.IsEnded);

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

    public async ValueTask DisposeAsync()
    {
        foreach (var window in _windows)
        {
            window.Dispose();
        }

        _windows.Clear();
        Tile?.Dispose();
        Invitations?.Dispose();
        if (_client is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    private async Task StartAsync(Func<Action, Task> dispatch)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        CurrentUser = user.Identity?.Name ?? throw new InvalidOperationException("Chat needs a signed-in rep.");
        _client = connections.Create(user, new Uri(new Uri(navigation.BaseUri), ChatConstants.HubRoute.TrimStart('/')));
        _chat = new DispatchingChatService(_client, dispatch);
        _chat.StateChanged += (_, _) => Notify();
        _chat.PresenceChanged += (_, p) =>
        {
            _presence[p.UserName] = p.Status;
            Notify();
        };
        _chat.SessionEnded += (_, _) => Notify();

        Tile = new ChatTileViewModel(_chat);
        Tile.SessionStarted += (_, session) => _ = dispatch(() => _ = OpenSessionSafelyAsync(session));
        Invitations = new InvitationPopupViewModel(_chat);
        Invitations.Joined += (_, session) => _ = dispatch(() => _ = OpenSessionSafelyAsync(session, invite: false));
        Invitations.PropertyChanged += (_, _) => Notify();
        try
        {
            await _chat.StartAsync();
            foreach (var presence in await _chat.GetPresenceAsync())
            {
                _presence[presence.UserName] = presence.Status;
            }

            await Invitations.LoadAsync();

            // A reload or a new tab: the sessions the rep is still in come back, each with its whole dialog.
            foreach (var session in await _chat.GetMyLiveSessionsAsync())
            {
                await OpenSessionAsync(session, invite: false, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The client keeps reconnecting by itself; the banner shows the state meanwhile.
            LogStartFailed(logger, ex, CurrentUser);
            Error = $"Chat could not connect yet: {ex.Message}";
        }

        Notify();
    }

    private async Task OpenSessionSafelyAsync(ChatSessionDto session, bool invite = true)
    {
        try
        {
            await OpenSessionAsync(session, invite, CancellationToken.None);
        }
        catch (ChatClientException ex)
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
        catch (ChatClientException ex)
        {
            Error = ex.Message;
            Notify();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat could not start for {User}")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string user);
}
