using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Events;

namespace ServicePro.Modules.Requests.Services;

/// <summary>
/// Adds a chat session attached to a request to that request's Activity Stream; Workbench sessions are not ours.
/// One idempotent append: the same session delivered again is stored once (a unique index on the session id). A
/// failure (unknown request, database unreachable) is thrown, and the Chat module's outbox, which owns delivery,
/// publishes the event again later with back-off.
/// </summary>
public sealed class ChatSessionEndedHandler(IChatActivityWriter writer, IEventAggregator events, ILogger<ChatSessionEndedHandler> logger)
    : IEventHandler<ChatSessionEndedEvent>
{
    public async Task HandleAsync(ChatSessionEndedEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event.RequestNumber is not { } number)
        {
            return;
        }

        if (!await writer.AppendAsync(@event, cancellationToken))
        {
            logger.LogInformation("Chat session {SessionId} was already on request {RequestNumber}; delivered again and ignored", @event.SessionId, number);
            return;
        }

        logger.LogInformation("Chat session {SessionId} added to request {RequestNumber}", @event.SessionId, number);
        events.Publish(new RequestActivityAddedEvent(number));
    }
}
