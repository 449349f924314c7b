using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace ServicePro.Modules.Chat.Client;

/// <summary>
/// The chat client over <see cref="HubConnection"/>. When the connection drops it reconnects with a Polly retry
/// (exponential back-off with jitter, until disposed), then catches up on every followed session by sequence number
/// and resends unacknowledged messages with their original ids, in order. <see cref="State"/> drives the UI's banner.
/// </summary>
public sealed class ChatClient : IChatService, IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ResiliencePipeline _reconnect;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private readonly List<PendingMessage> _pending = [];
    private readonly Dictionary<Guid, HashSet<long>> _seen = [];
    private readonly SemaphoreSlim _resending = new(1, 1);
    private Task _reconnecting = Task.CompletedTask;
    private ChatConnectionState _state = ChatConnectionState.Disconnected;

    public ChatClient(ChatClientOptions options, ILoggerFactory? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = (logging ?? NullLoggerFactory.Instance).CreateLogger<ChatClient>();
        _connection = new HubConnectionBuilder()
            .WithUrl(options.HubUrl, o =>
            {
                o.AccessTokenProvider = options.AccessTokenProvider;
                if (options.Cookies is not null)
                {
                    o.Cookies = options.Cookies;
                }
            })
            .Build();
        _reconnect = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectDelay,
                MaxDelay = options.MaxReconnectDelay,
                OnRetry = args =>
                {
                    _logger.LogInformation("Chat reconnect attempt {Attempt} failed; next in {Delay}", args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .Build();

        _connection.On<ChatEntryDto>(ChatConstants.Events.EntryAdded, OnEntry);
        _connection.On<OffTheRecordNotice>(ChatConstants.Events.OffTheRecordSelected, n => OffTheRecordSelected?.Invoke(this, n));
        _connection.On<ChatInvitationDto>(ChatConstants.Events.InvitationReceived, i => InvitationReceived?.Invoke(this, i));
        _connection.On<ChatInvitationDto>(ChatConstants.Events.InvitationClosed, i => InvitationClosed?.Invoke(this, i));
        _connection.On<ChatTimeDto>(ChatConstants.Events.ChatTimeChanged, t => ChatTimeChanged?.Invoke(this, t));
        _connection.On<SessionEndedDto>(ChatConstants.Events.SessionEnded, e => SessionEnded?.Invoke(this, e));
        _connection.On<PresenceDto>(ChatConstants.Events.PresenceChanged, p => PresenceChanged?.Invoke(this, p));
        _connection.On<TypingNotice>(ChatConstants.Events.UserTyping, t => UserTyping?.Invoke(this, t));
        _connection.Closed += OnClosedAsync;
    }

    public event EventHandler<ChatConnectionState>? StateChanged;

    public event EventHandler<ChatEntryDto>? EntryReceived;

    public event EventHandler<OffTheRecordNotice>? OffTheRecordSelected;

    public event EventHandler<ChatInvitationDto>? InvitationReceived;

    public event EventHandler<ChatInvitationDto>? InvitationClosed;

    public event EventHandler<ChatTimeDto>? ChatTimeChanged;

    public event EventHandler<SessionEndedDto>? SessionEnded;

    public event EventHandler<PresenceDto>? PresenceChanged;

    public event EventHandler<TypingNotice>? UserTyping;

    public ChatConnectionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Messages sent but not yet acknowledged by the server.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await ConnectAsync(cancellationToken);
        SetState(ChatConnectionState.Connected);
    }

    public async Task<ChatSessionDto> StartSessionAsync(int? requestNumber, CancellationToken cancellationToken = default)
    {
        var session = await InvokeAsync<ChatSessionDto>(ChatConstants.Methods.StartSession, [requestNumber], cancellationToken);
        Follow(session.SessionId);
        return session;
    }

    public Task<ChatSessionDto> GetSessionAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        InvokeAsync<ChatSessionDto>(ChatConstants.Methods.GetSession, [sessionId], cancellationToken);

    public async Task<IReadOnlyList<ChatEntryDto>> GetEntriesAsync(Guid sessionId, long afterSequence, CancellationToken cancellationToken = default)
    {
        var entries = await InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, [sessionId, afterSequence], cancellationToken);
        Follow(sessionId);
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                _seen[sessionId].Add(entry.Sequence);
            }
        }

        return entries;
    }

    public Task<IReadOnlyList<ChatInvitationDto>> InviteAsync(Guid sessionId, IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default) =>
        InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.Invite, [sessionId, userNames.ToArray()], cancellationToken);

    public async Task<ChatSessionDto> AcceptInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default)
    {
        var session = await InvokeAsync<ChatSessionDto>(ChatConstants.Methods.AcceptInvitation, [invitationId], cancellationToken);
        Follow(session.SessionId);
        return session;
    }

    public Task<ChatInvitationDto> DeclineInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default) =>
        InvokeAsync<ChatInvitationDto>(ChatConstants.Methods.DeclineInvitation, [invitationId], cancellationToken);

    public Task<IReadOnlyList<ChatInvitationDto>> GetMyInvitationsAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.GetMyInvitations, [], cancellationToken);

    public Task TypingAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        InvokeAsync<object?>(ChatConstants.Methods.Typing, [sessionId], cancellationToken);

    public Task<IReadOnlyList<ChatSessionDto>> GetMyLiveSessionsAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync<IReadOnlyList<ChatSessionDto>>(ChatConstants.Methods.GetMyLiveSessions, [], cancellationToken);

    public async Task<ChatEntryDto> SendMessageAsync(Guid sessionId, string text, string? offTheRecordWith = null, CancellationToken cancellationToken = default)
    {
        var pending = new PendingMessage(new SendMessageRequest(sessionId, Guid.NewGuid(), text, offTheRecordWith));
        lock (_gate)
        {
            _pending.Add(pending);
        }

        if (State == ChatConnectionState.Connected)
        {
            await TrySendAsync(pending);
        }

        // Otherwise it goes out with the resend after the reconnect.
        return await pending.Result.Task.WaitAsync(cancellationToken);
    }

    public Task<SessionEndedDto?> LeaveSessionAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        InvokeAsync<SessionEndedDto?>(ChatConstants.Methods.LeaveSession, [sessionId], cancellationToken);

    public Task<ChatTimeDto> PauseChatTimeAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        InvokeAsync<ChatTimeDto>(ChatConstants.Methods.PauseChatTime, [sessionId], cancellationToken);

    public Task<ChatTimeDto> ResumeChatTimeAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        InvokeAsync<ChatTimeDto>(ChatConstants.Methods.ResumeChatTime, [sessionId], cancellationToken);

    public Task<ChatTimeDto> SetChatTimeAsync(Guid sessionId, TimeSpan value, CancellationToken cancellationToken = default) =>
        InvokeAsync<ChatTimeDto>(ChatConstants.Methods.SetChatTime, [sessionId, value], cancellationToken);

    public async Task SetPresenceAsync(PresenceStatus status, CancellationToken cancellationToken = default)
    {
        try
        {
            await _connection.InvokeCoreAsync(ChatConstants.Methods.SetPresence, [status], cancellationToken);
        }
        catch (HubException ex)
        {
            throw ChatClientException.From(ex);
        }
    }

    public Task<IReadOnlyList<PresenceDto>> GetPresenceAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync<IReadOnlyList<PresenceDto>>(ChatConstants.Methods.GetPresence, [], cancellationToken);

    public Task<IReadOnlyList<ChatSessionSummaryDto>> GetMySessionsAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync<IReadOnlyList<ChatSessionSummaryDto>>(ChatConstants.Methods.GetMySessions, [], cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        try
        {
            await _reconnecting;
        }
        catch (OperationCanceledException)
        {
            // Reconnecting was given up.
        }

        await _connection.DisposeAsync();
        SetState(ChatConnectionState.Disconnected);
        lock (_gate)
        {
            foreach (var pending in _pending)
            {
                pending.Result.TrySetCanceled();
            }

            _pending.Clear();
        }

        _resending.Dispose();
        _lifetime.Dispose();
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

    /// <summary>
    /// Starts the connection and makes one call: the server handles calls only after it has registered the connection
    /// (its rep's group, presence), so from here on no event addressed to this rep is missed.
    /// </summary>
    /// <remarks>
    /// A retry may find the connection already up (its start succeeded but the call failed, e.g. while a restarted host
    /// was still initializing): then only the call is repeated, since starting a connection that is not Disconnected
    /// throws every time and the retry loop would never recover.
    /// </remarks>
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection.State == HubConnectionState.Disconnected)
        {
            await _connection.StartAsync(cancellationToken);
        }

        await _connection.InvokeAsync<IReadOnlyList<PresenceDto>>(ChatConstants.Methods.GetPresence, cancellationToken);
    }

    private void Follow(Guid sessionId)
    {
        lock (_gate)
        {
            _seen.TryAdd(sessionId, []);
        }
    }

    private void OnEntry(ChatEntryDto entry)
    {
        lock (_gate)
        {
            // Once per sequence number: a live event and the catch-up after a reconnect may both bring it.
            if (_seen.TryGetValue(entry.SessionId, out var seen) && !seen.Add(entry.Sequence))
            {
                return;
            }

            if (seen is null)
            {
                _seen[entry.SessionId] = [entry.Sequence];
            }
        }

        EntryReceived?.Invoke(this, entry);
    }

    private Task OnClosedAsync(Exception? error)
    {
        if (_lifetime.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        _logger.LogWarning(error, "The chat connection was lost; reconnecting");
        SetState(ChatConnectionState.Reconnecting);
        _reconnecting = Task.Run(ReconnectAsync);
        return Task.CompletedTask;
    }

    private async Task ReconnectAsync()
    {
        try
        {
            await _reconnect.ExecuteAsync(async token => await ConnectAsync(token), _lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        SetState(ChatConnectionState.Connected);
        await CatchUpAsync();
        await ResendAsync();
        await RefetchInvitationsAsync();
    }

    /// <summary>Invitations that arrived while the connection was down are raised again (listeners ignore ones they have).</summary>
    private async Task RefetchInvitationsAsync()
    {
        try
        {
            foreach (var invitation in await _connection.InvokeAsync<IReadOnlyList<ChatInvitationDto>>(ChatConstants.Methods.GetMyInvitations, _lifetime.Token))
            {
                InvitationReceived?.Invoke(this, invitation);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not fetch pending invitations after reconnecting");
        }
    }

    /// <summary>Fetches what each followed session added while the connection was down.</summary>
    private async Task CatchUpAsync()
    {
        List<(Guid Session, long After)> followed;
        lock (_gate)
        {
            followed = _seen.Select(s => (s.Key, s.Value.Count == 0 ? 0 : s.Value.Max())).ToList();
        }

        foreach (var (session, after) in followed)
        {
            try
            {
                var missed = await _connection.InvokeAsync<IReadOnlyList<ChatEntryDto>>(ChatConstants.Methods.GetEntries, session, after, _lifetime.Token);
                foreach (var entry in missed)
                {
                    OnEntry(entry);
                }
            }
            catch (HubException ex)
            {
                // The session ended or the rep left it meanwhile: stop following it.
                _logger.LogInformation("Stopped following chat session {SessionId}: {Reason}", session, ex.Message);
                lock (_gate)
                {
                    _seen.Remove(session);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Could not catch up on chat session {SessionId}", session);
            }
        }
    }

    /// <summary>Resends every unacknowledged message, in the order they were sent, with their original ids.</summary>
    private async Task ResendAsync()
    {
        await _resending.WaitAsync(_lifetime.Token);
        try
        {
            PendingMessage[] pending;
            lock (_gate)
            {
                pending = [.. _pending];
            }

            foreach (var message in pending)
            {
                await TrySendAsync(message);
            }
        }
        finally
        {
            _resending.Release();
        }
    }

    private async Task TrySendAsync(PendingMessage pending)
    {
        try
        {
            var entry = await _connection.InvokeAsync<ChatEntryDto>(ChatConstants.Methods.SendMessage, pending.Request, _lifetime.Token);
            Acknowledge(pending);
            pending.Result.TrySetResult(entry);
        }
        catch (HubException ex)
        {
            Acknowledge(pending);
            pending.Result.TrySetException(ChatClientException.From(ex));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_lifetime.IsCancellationRequested)
        {
            // Not acknowledged: kept, and resent with the same id after the reconnect.
            _logger.LogInformation(ex, "Message {ClientMessageId} not acknowledged yet; it will be resent", pending.Request.ClientMessageId);
        }
    }

    private void Acknowledge(PendingMessage pending)
    {
        lock (_gate)
        {
            _pending.Remove(pending);
        }
    }

    private void SetState(ChatConnectionState state)
    {
        lock (_gate)
        {
            if (_state == state)
            {
                return;
            }

            _state = state;
        }

        StateChanged?.Invoke(this, state);
    }

    private sealed class PendingMessage(SendMessageRequest request)
    {
        public SendMessageRequest Request { get; } = request;

        public TaskCompletionSource<ChatEntryDto> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
