using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePro.Chat.Protocol;

namespace ServicePro.Chat.Client;

/// <summary>
/// The chat hub for a .NET client outside the host. When the connection drops, SignalR's automatic reconnect brings
/// it back (and the client starts it again itself if SignalR gives up); then the client catches up on every followed
/// session by sequence number, resends unacknowledged messages with their original ids, in order, and raises pending
/// invitations it has not raised yet. Refusals throw <see cref="ChatClientException"/>. Events may come on any thread.
/// </summary>
public sealed partial class ChatClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ChatConnectionKeeper _keeper;
    private readonly ILogger _logger;
    private readonly ChatClientOptions _options;
    private readonly FollowedSessions _followed = new();
    private readonly MessageOutbox _outbox;
    private readonly Lock _gate = new();
    private readonly HashSet<Guid> _invitations = [];

    public ChatClient(ChatClientOptions options, ILoggerFactory? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        logging ??= NullLoggerFactory.Instance;
        _logger = logging.CreateLogger<ChatClient>();
        var backoff = new ChatReconnectPolicy(options.ReconnectDelay, options.MaxReconnectDelay);
        var builder = new HubConnectionBuilder()
            .WithUrl(options.HubUrl, o =>
            {
                o.AccessTokenProvider = options.AccessTokenProvider;
                if (options.Cookies is not null)
                {
                    o.Cookies = options.Cookies;
                }
            })
            .WithAutomaticReconnect(backoff);
        builder.Services.AddSingleton(logging);
        _connection = builder.Build();
        _keeper = new ChatConnectionKeeper(_connection, backoff, options.TimeProvider, _logger, AfterReadyAsync, _followed.Dropped);
        _keeper.StateChanged += (_, state) => Raise(StateChanged, state);
        _outbox = new MessageOutbox(_connection, () => _keeper.State == ChatConnectionState.Connected, _logger);

        _connection.On<ChatEntryDto>(ChatProtocol.Events.EntryAdded, e => RaiseEntries(_followed.Receive(e)));
        _connection.On<OffTheRecordNotice>(ChatProtocol.Events.OffTheRecordSelected, n => Raise(OffTheRecordSelected, n));
        _connection.On<ChatInvitationDto>(ChatProtocol.Events.InvitationReceived, OnInvitation);
        _connection.On<ChatInvitationDto>(ChatProtocol.Events.InvitationClosed, i => Raise(InvitationClosed, i));
        _connection.On<ChatTimeDto>(ChatProtocol.Events.ChatTimeChanged, t => Raise(ChatTimeChanged, t));
        _connection.On<SessionEndedDto>(ChatProtocol.Events.SessionEnded, OnSessionEnded);
        _connection.On<PresenceDto>(ChatProtocol.Events.PresenceChanged, p => Raise(PresenceChanged, p));

        // The hub sends presence in batches; this client still raises PresenceChanged once per rep, as before.
        _connection.On<PresenceDto[]>(ChatProtocol.Events.PresenceBatch, batch =>
        {
            foreach (var presence in batch)
            {
                Raise(PresenceChanged, presence);
            }
        });
        _connection.On<TypingNotice>(ChatProtocol.Events.UserTyping, t => Raise(UserTyping, t));
    }

    /// <summary>Connected, Reconnecting (lost, getting it back), Disconnected (not started, disposed, or refused).</summary>
    public event EventHandler<ChatConnectionState>? StateChanged;

    /// <summary>A dialog entry of a followed session, once per sequence number (live, or caught up after a reconnect).</summary>
    public event EventHandler<ChatEntryDto>? EntryReceived;

    public event EventHandler<OffTheRecordNotice>? OffTheRecordSelected;

    /// <summary>An invitation to the rep, once per invitation (live, or fetched after a reconnect).</summary>
    public event EventHandler<ChatInvitationDto>? InvitationReceived;

    public event EventHandler<ChatInvitationDto>? InvitationClosed;

    public event EventHandler<ChatTimeDto>? ChatTimeChanged;

    public event EventHandler<SessionEndedDto>? SessionEnded;

    public event EventHandler<PresenceDto>? PresenceChanged;

    /// <summary>Another attendee is typing in a session the rep is in.</summary>
    public event EventHandler<TypingNotice>? UserTyping;

    public ChatConnectionState State => _keeper.State;

    /// <summary>Messages sent but not acknowledged by the server yet (they are resent after a reconnect).</summary>
    public int PendingCount => _outbox.Count;

    /// <summary>
    /// Connects and completes once ready for events. Retries with back-off until then (the hub may be down or still
    /// starting); a refused sign-in (401/403) throws <see cref="HttpRequestException"/> at once.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _keeper.StartAsync(cancellationToken);

    public async Task<ChatSessionDto> StartSessionAsync(int? requestNumber, CancellationToken cancellationToken = default)
    {
        var session = await InvokeAsync<ChatSessionDto>(ChatProtocol.Methods.StartSession, [requestNumber], cancellationToken);
        _followed.Follow(session.SessionId);
        return session;
    }

    public Task<ChatSessionDto> GetSessionAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        InvokeAsync<ChatSessionDto>(ChatProtocol.Methods.GetSession, [sessionId], cancellationToken);

    /// <summary>Entries after <paramref name="afterSequence"/>; from then on the session is followed (and these are not raised).</summary>
    public async Task<IReadOnlyList<ChatEntryDto>> GetEntriesAsync(Guid sessionId, long afterSequence, CancellationToken cancellationToken = default)
    {
        var entries = await InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatProtocol.Methods.GetEntries, [sessionId, afterSequence], cancellationToken);
        _followed.Seen(sessionId, entries);
        return entries;
    }

    public Task<IReadOnlyList<ChatInvitationDto>> InviteAsync(Guid sessionId, IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default) =>
        InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatProtocol.Methods.Invite, [sessionId, userNames.ToArray()], cancellationToken);

    public async Task<ChatSessionDto> AcceptInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default)
    {
        var session = await InvokeAsync<ChatSessionDto>(ChatProtocol.Methods.AcceptInvitation, [invitationId], cancellationToken);
        _followed.Follow(session.SessionId);
        return session;
    }

    public Task<ChatInvitationDto> DeclineInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default) =>
        InvokeAsync<ChatInvitationDto>(ChatProtocol.Methods.DeclineInvitation, [invitationId], cancellationToken);

    /// <summary>The rep's pending invitations (these are not raised as <see cref="InvitationReceived"/> afterwards).</summary>
    public async Task<IReadOnlyList<ChatInvitationDto>> GetMyInvitationsAsync(CancellationToken cancellationToken = default)
    {
        var invitations = await InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatProtocol.Methods.GetMyInvitations, [], cancellationToken);
        lock (_gate)
        {
            _invitations.UnionWith(invitations.Select(i => i.InvitationId));
        }

        return invitations;
    }

    /// <summary>Tells the other attendees that the rep is typing (send at most every couple of seconds).</summary>
    public Task TypingAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        InvokeAsync(ChatProtocol.Methods.Typing, [sessionId], cancellationToken);

    /// <summary>The running sessions the rep is in.</summary>
    public Task<IReadOnlyList<ChatSessionDto>> GetMyLiveSessionsAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync<IReadOnlyList<ChatSessionDto>>(ChatProtocol.Methods.GetMyLiveSessions, [], cancellationToken);

    /// <summary>
    /// Sends a message with a new id and completes when the server has stored it. If the connection drops first, the
    /// message is resent with the same id after the reconnect (the server stores it once). Cancelling stops the wait,
    /// not the message.
    /// </summary>
    public Task<ChatEntryDto> SendMessageAsync(Guid sessionId, string text, string? offTheRecordWith = null, CancellationToken cancellationToken = default) =>
        _outbox.SendAsync(new SendMessageRequest(sessionId, ChatProtocol.NewClientMessageId(), text, offTheRecordWith), _keeper.Lifetime, cancellationToken);

    public async Task<SessionEndedDto?> LeaveSessionAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var ended = await InvokeAsync<SessionEndedDto?>(ChatProtocol.Methods.LeaveSession, [sessionId], cancellationToken);
        RaiseEntries(_followed.Unfollow(sessionId));
        return ended;
    }

    public Task<ChatTimeDto> PauseChatTimeAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        InvokeAsync<ChatTimeDto>(ChatProtocol.Methods.PauseChatTime, [sessionId], cancellationToken);

    public Task<ChatTimeDto> ResumeChatTimeAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        InvokeAsync<ChatTimeDto>(ChatProtocol.Methods.ResumeChatTime, [sessionId], cancellationToken);

    public Task<ChatTimeDto> SetChatTimeAsync(Guid sessionId, TimeSpan value, CancellationToken cancellationToken = default) =>
        InvokeAsync<ChatTimeDto>(ChatProtocol.Methods.SetChatTime, [sessionId, value], cancellationToken);

    public Task SetPresenceAsync(PresenceStatus status, CancellationToken cancellationToken = default) =>
        InvokeAsync(ChatProtocol.Methods.SetPresence, [status], cancellationToken);

    public Task<IReadOnlyList<PresenceDto>> GetPresenceAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync<IReadOnlyList<PresenceDto>>(ChatProtocol.Methods.GetPresence, [], cancellationToken);

    /// <summary>Ended sessions the rep took part in, newest first, with their transcripts.</summary>
    public Task<IReadOnlyList<ChatSessionSummaryDto>> GetMySessionsAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync<IReadOnlyList<ChatSessionSummaryDto>>(ChatProtocol.Methods.GetMySessions, [], cancellationToken);

    /// <summary>Closes the connection; messages still unacknowledged are cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        await _keeper.DisposeAsync();
        _outbox.CancelAll();
    }

    private async Task<T> InvokeAsync<T>(string method, object?[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await _connection.InvokeCoreAsync<T>(method, arguments, cancellationToken);
        }
        catch (HubException ex)
        {
            throw ChatClientException.From(ex);
        }
    }

    private async Task InvokeAsync(string method, object?[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            await _connection.InvokeCoreAsync(method, arguments, cancellationToken);
        }
        catch (HubException ex)
        {
            throw ChatClientException.From(ex);
        }
    }

    /// <summary>After every (re)connect: what the rep missed, then what the server has not acknowledged, then invitations.</summary>
    private async Task AfterReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CatchUpAsync(cancellationToken);
            await _outbox.ResendAsync(cancellationToken);

            foreach (var invitation in await _connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatProtocol.Methods.GetMyInvitations, cancellationToken))
            {
                OnInvitation(invitation);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The connection dropped again: the recovery after that drop picks up where this one stopped.
            _logger.LogInformation(ex, "Catching up after a reconnect was interrupted");
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        foreach (var (sessionId, after) in _followed.CatchUps())
        {
            IReadOnlyList<ChatEntryDto> missed;
            try
            {
                missed = await _connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatProtocol.Methods.GetEntries, sessionId, after, cancellationToken);
            }
            catch (HubException ex)
            {
                // The rep is no longer in the session (she left it elsewhere, or it is gone): stop following it.
                _logger.LogInformation("Stopped following chat session {SessionId}: {Reason}", sessionId, ex.Message);
                RaiseEntries(_followed.Unfollow(sessionId));
                continue;
            }

            RaiseEntries(_followed.CaughtUp(sessionId, missed));
        }
    }

    private void OnInvitation(ChatInvitationDto invitation)
    {
        lock (_gate)
        {
            if (!_invitations.Add(invitation.InvitationId))
            {
                return;
            }
        }

        Raise(InvitationReceived, invitation);
    }

    private void OnSessionEnded(SessionEndedDto ended)
    {
        RaiseEntries(_followed.Unfollow(ended.SessionId));
        Raise(SessionEnded, ended);
    }

    private void RaiseEntries(IReadOnlyList<ChatEntryDto> entries)
    {
        foreach (var entry in entries)
        {
            Raise(EntryReceived, entry);
        }
    }

    /// <summary>A failing listener is logged, and never stops the client (a catch-up, a resend) midway.</summary>
    private void Raise<T>(EventHandler<T>? handler, T value)
    {
        try
        {
            handler?.Invoke(this, value);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A listener of {Event} failed", typeof(T).Name);
        }
    }
}
