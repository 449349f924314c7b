using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using ServicePro.Chat.Protocol;

namespace ServicePro.Chat.Client;

/// <summary>
/// Messages sent but not acknowledged by the server yet. Sent one at a time, in order; a message whose answer was lost
/// stays here and is resent with the same id after the reconnect, which the server answers with what it stored.
/// </summary>
internal sealed class MessageOutbox(HubConnection connection, Func<bool> isConnected, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<Message> _messages = [];
    private readonly SemaphoreSlim _sending = new(1, 1);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>Completes when the server stored the message; sends it now if connected, else with the next resend.</summary>
    public async Task<ChatEntryDto> SendAsync(SendMessageRequest request, CancellationToken lifetime, CancellationToken cancellationToken)
    {
        var message = new Message(request);
        lock (_gate)
        {
            _messages.Add(message);
        }

        await TrySendAsync(message, lifetime);
        return await message.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends every unacknowledged message again, in the order they were first sent.</summary>
    public async Task ResendAsync(CancellationToken cancellationToken)
    {
        Message[] pending;
        lock (_gate)
        {
            pending = [.. _messages];
        }

        foreach (var message in pending)
        {
            await TrySendAsync(message, cancellationToken);
        }
    }

    public void CancelAll()
    {
        Message[] cancelled;
        lock (_gate)
        {
            cancelled = [.. _messages];
            _messages.Clear();
        }

        foreach (var message in cancelled)
        {
            message.Result.TrySetCanceled();
        }
    }

    private async Task TrySendAsync(Message message, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            // Not connected: the resend after the reconnect sends it. Not pending any more: a resend got its answer.
            if (!isConnected() || !IsPending(message))
            {
                return;
            }

            var entry = await connection.InvokeAsync<ChatEntryDto>(ChatProtocol.Methods.SendMessage, message.Request, cancellationToken);
            Remove(message);
            message.Result.TrySetResult(entry);
        }
        catch (HubException ex)
        {
            // Refused: sending it again would get the same answer.
            Remove(message);
            message.Result.TrySetException(ChatClientException.From(ex));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation(ex, "Message {ClientMessageId} not acknowledged yet; it will be resent", message.Request.ClientMessageId);
        }
        finally
        {
            _sending.Release();
        }
    }

    private bool IsPending(Message message)
    {
        lock (_gate)
        {
            return _messages.Contains(message);
        }
    }

    private void Remove(Message message)
    {
        lock (_gate)
        {
            _messages.Remove(message);
        }
    }

    private sealed class Message(SendMessageRequest request)
    {
        public SendMessageRequest Request { get; } = request;

        public TaskCompletionSource<ChatEntryDto> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
