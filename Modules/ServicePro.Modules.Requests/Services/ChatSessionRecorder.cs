using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Events;

namespace ServicePro.Modules.Requests.Services;

/// <summary>
/// Records ended chat sessions in their request's Activity Stream, exactly once. A session that cannot be recorded
/// (unknown request, database unreachable) is retried at once with Polly; if it still fails it is kept in
/// <see cref="PendingChatSessions"/>, logged by session id, retried later, and the publisher is told by an exception.
/// </summary>
public sealed class ChatSessionRecorder
{
    private readonly IChatActivityWriter _writer;
    private readonly PendingChatSessions _pending;
    private readonly IEventAggregator _events;
    private readonly ILogger<ChatSessionRecorder> _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly RequestsOptions _options;

    public ChatSessionRecorder(
        IChatActivityWriter writer,
        PendingChatSessions pending,
        IEventAggregator events,
        IOptions<RequestsOptions> options,
        TimeProvider time,
        ILogger<ChatSessionRecorder> logger)
    {
        _writer = writer;
        _pending = pending;
        _events = events;
        _logger = logger;
        _options = options.Value;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, _options.ChatRetryAttempts),
                Delay = _options.ChatRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
            })
            .Build();
    }

    /// <summary>Records the session (with immediate retries), or keeps it for later and throws.</summary>
    /// <returns><c>true</c> when an entry was added, <c>false</c> when the session was already recorded.</returns>
    public async Task<bool> RecordAsync(ChatSessionEndedEvent session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var number = session.RequestNumber ?? throw new ArgumentException("The session is not attached to a request.", nameof(session));
        bool added;
        try
        {
            added = await _pipeline.ExecuteAsync(async ct => await AttemptAsync(session, ct), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _pending.Keep(session);
            _logger.LogError(ex, "Chat session {SessionId} could not be added to request {RequestNumber} after {Attempts} attempts; kept and retried every {Interval}",
                session.SessionId, number, _options.ChatRetryAttempts + 1, _options.PendingRetryInterval);
            throw new ChatSessionNotRecordedException(session.SessionId, number, ex);
        }

        _pending.Remove(session.SessionId);
        await RecordedAsync(session, added, cancellationToken);
        return added;
    }

    private async Task<bool> AttemptAsync(ChatSessionEndedEvent session, CancellationToken cancellationToken)
    {
        try
        {
            return await _writer.AppendAsync(session, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning("Chat session {SessionId} for request {RequestNumber} could not be recorded: {Reason}", session.SessionId, session.RequestNumber, ex.Message);
            throw;
        }
    }

    /// <summary>Tries every kept session once more.</summary>
    /// <returns>How many were recorded (or found already recorded) and left the queue.</returns>
    public async Task<int> RetryPendingAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var session in _pending.Snapshot())
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool added;
            try
            {
                added = await _writer.AppendAsync(session, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Chat session {SessionId} for request {RequestNumber} still cannot be recorded; kept for the next retry", session.SessionId, session.RequestNumber);
                continue;
            }

            _pending.Remove(session.SessionId);
            done++;
            _logger.LogInformation("Chat session {SessionId} recorded on request {RequestNumber} on retry", session.SessionId, session.RequestNumber);
            await RecordedAsync(session, added, cancellationToken);
        }

        return done;
    }

    private async Task RecordedAsync(ChatSessionEndedEvent session, bool added, CancellationToken cancellationToken)
    {
        if (!added)
        {
            _logger.LogInformation("Chat session {SessionId} was already recorded; delivered again and ignored", session.SessionId);
            return;
        }

        try
        {
            await _events.PublishAsync(new RequestActivityAddedEvent(session.RequestNumber!.Value), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Open pages of request {RequestNumber} could not all be told about chat session {SessionId}", session.RequestNumber, session.SessionId);
        }
    }
}
