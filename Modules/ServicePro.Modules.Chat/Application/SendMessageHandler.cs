using Microsoft.EntityFrameworkCore;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Writing;
using ServicePro.Modules.Chat.Diagnostics;

namespace ServicePro.Modules.Chat.Application;

/// <summary>
/// Stores a message before acknowledging it. The same <see cref="SendMessageRequest.ClientMessageId"/> sent again
/// returns the first result and stores nothing. An Off the Record message reaches only its two people.
/// </summary>
public sealed class SendMessageHandler(ChatWriter writer, IChatNotifier notifier, ChatMetrics? metrics = null)
{
    public Task<ChatEntryDto> HandleAsync(ChatCaller caller, SendMessageRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ChatException(ChatConstants.Errors.ArgumentInvalid, "SendMessage takes a SendMessageRequest object, not null.");
        }

        if (request.ClientMessageId == Guid.Empty)
        {
            throw new ChatException(ChatConstants.Errors.MessageIdMissing, "Give each message its own id (a non-empty GUID).");
        }

        var text = (request.Text ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new ChatException(ChatConstants.Errors.MessageEmpty, "A message cannot be empty.");
        }

        if (text.Length > ChatConstants.MaxMessageLength)
        {
            throw new ChatException(ChatConstants.Errors.MessageTooLong, $"A message has at most {ChatConstants.MaxMessageLength} characters; this one has {text.Length}.");
        }

        var offTheRecordWith = PostedEntry.OffTheRecordWith(request.OffTheRecordWith);
        var key = new SentMessageKey(request.SessionId, caller.UserName, request.ClientMessageId);

        // Queued, the write is stored whatever the caller does next (a resend returns its result).
        return writer.ExecuteAsync(ChatWriteMode.Batched, async w =>
        {
            // The same id again returns the first result. Within a batch the batch knows; against earlier batches the
            // unique index refuses the insert and the careful re-run finds the stored entry.
            if (w.Batch.TryGetSent(key, out var again))
            {
                return again;
            }

            // Careful: the session's row is locked first, so that the same message committed meanwhile on another host
            // is found below rather than inserted a second time.
            var session = await w.SessionAsync(request.SessionId);
            if (w.Careful)
            {
                var existing = await w.Db.Entries.AsNoTracking().FirstOrDefaultAsync(
                    e => e.SessionId == key.SessionId && e.Author == key.Author && e.ClientMessageId == key.ClientMessageId, w.CancellationToken);
                if (existing is not null)
                {
                    return ChatDtos.Entry(existing);
                }
            }

            var entry = ChatDtos.Entry(session.Post(caller.UserName, text, request.ClientMessageId, offTheRecordWith, w.Now));
            w.Batch.RememberSent(key, entry);
            metrics?.MessageStored(w);
            PostedEntry.AnnounceAfterCommit(w, notifier, session, entry);
            return entry;
        }, CancellationToken.None, request.SessionId);
    }
}
