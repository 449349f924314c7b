using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using ServicePro.Chat.Protocol;

namespace ServicePro.Chat.Client;

/// <summary>
/// Keeps one hub connection up and says when it is ready. SignalR's automatic reconnect brings a dropped connection
/// back; this class starts it the first time and again whenever SignalR gives up (as the SignalR docs advise: automatic
/// reconnect does not cover the first start nor a closed connection), retrying with back-off until disposed or refused.
/// Each time it is ready, after its first call answered, <c>afterReady</c> runs (catch-up, resend), one at a time.
/// </summary>
internal sealed class ChatConnectionKeeper : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ChatReconnectPolicy _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<CancellationToken, Task> _afterReady;
    private readonly Action _dropped;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly SemaphoreSlim _recovering = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Lock _notifying = new();
    private Task _background = Task.CompletedTask;
    private ChatConnectionState _state = ChatConnectionState.Disconnected;
    private long _drops;

    public ChatConnectionKeeper(HubConnection connection, ChatReconnectPolicy backoff, TimeProvider time, ILogger logger, Func<CancellationToken, Task> afterReady, Action dropped)
    {
        _connection = connection;
        _backoff = backoff;
        _time = time;
        _logger = logger;
        _afterReady = afterReady;
        _dropped = dropped;
        connection.Reconnecting += OnReconnectingAsync;
        connection.Reconnected += OnReconnectedAsync;
        connection.Closed += OnClosedAsync;
    }

    public event EventHandler<ChatConnectionState>? StateChanged;

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

    public CancellationToken Lifetime => _lifetime.Token;

    /// <summary>Completes once connected and ready; retries until then, except a refused sign-in, which it throws.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        await RecoverAsync(linked.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        Task background;
        lock (_gate)
        {
            background = _background;
        }

        await background;
        await _connection.DisposeAsync();
        SetState(ChatConnectionState.Disconnected);
        _lifetime.Dispose();
    }

    private Task OnReconnectingAsync(Exception? error)
    {
        Dropped(error);
        return Task.CompletedTask;
    }

    private Task OnReconnectedAsync(string? connectionId)
    {
        RecoverInBackground();
        return Task.CompletedTask;
    }

    /// <summary>Automatic reconnect gave up (a refused token) or the server closed the connection for good: start it again.</summary>
    private Task OnClosedAsync(Exception? error)
    {
        if (!_lifetime.IsCancellationRequested)
        {
            Dropped(error);
            RecoverInBackground();
        }

        return Task.CompletedTask;
    }

    private void Dropped(Exception? error)
    {
        _logger.LogWarning(error, "The chat connection was lost; reconnecting");
        lock (_gate)
        {
            _drops++;
        }

        _dropped();
        SetState(ChatConnectionState.Reconnecting);
    }

    private void RecoverInBackground()
    {
        lock (_gate)
        {
            // Kept for DisposeAsync to await; a finished one is dropped rather than chained for the client's lifetime.
            var recovery = Task.Run(RecoverLoggedAsync);
            _background = _background.IsCompleted ? recovery : Task.WhenAll(_background, recovery);
        }
    }

    private async Task RecoverLoggedAsync()
    {
        try
        {
            await RecoverAsync(_lifetime.Token);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Disposed while recovering.
        }
        catch (HttpRequestException ex) when (ChatReconnectPolicy.IsRefusal(ex))
        {
            _logger.LogError(ex, "The chat hub refused the sign-in; the client stays disconnected");
            SetState(ChatConnectionState.Disconnected);
        }
        catch (Exception ex)
        {
            // Nobody awaits a background recovery: a fault is logged; the next drop recovers again.
            _logger.LogError(ex, "Recovering the chat connection failed");
        }
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await _recovering.WaitAsync(cancellationToken);
        try
        {
            if (await ReadyAsync(cancellationToken))
            {
                await _afterReady(cancellationToken);
            }
        }
        finally
        {
            _recovering.Release();
        }
    }

    /// <summary>
    /// Starts the connection if SignalR is not at it, and makes one call: the server handles calls only after it has
    /// registered the connection (the rep's group, presence), so from its answer on no event addressed to the rep is
    /// missed. A refused call (a host still starting) is retried on the same connection, which is up.
    /// </summary>
    /// <returns>False if the connection dropped again meanwhile: the recovery after that drop takes over.</returns>
    private async Task<bool> ReadyAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0L; ; attempt++)
        {
            long drops;
            lock (_gate)
            {
                drops = _drops;
            }

            try
            {
                if (_connection.State == HubConnectionState.Disconnected)
                {
                    await _connection.StartAsync(cancellationToken);
                }

                await _connection.InvokeAsync<IReadOnlyList<PresenceDto>>(ChatProtocol.Methods.GetPresence, cancellationToken);
                return SetConnectedUnlessDropped(drops);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !ChatReconnectPolicy.IsRefusal(ex))
            {
                var delay = _backoff.Delay(attempt);
                _logger.LogInformation(ex, "The chat connection is not ready (attempt {Attempt}); next try in {Delay}", attempt + 1, delay);
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
    }

    private bool SetConnectedUnlessDropped(long drops)
    {
        lock (_notifying)
        {
            lock (_gate)
            {
                if (_drops != drops)
                {
                    return false;
                }

                if (_state == ChatConnectionState.Connected)
                {
                    return true;
                }

                _state = ChatConnectionState.Connected;
            }

            StateChanged?.Invoke(this, ChatConnectionState.Connected);
            return true;
        }
    }

    /// <summary>Changes the state and tells listeners, in the order the changes happened.</summary>
    private void SetState(ChatConnectionState state)
    {
        lock (_notifying)
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
    }
}
