using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePro.Modules.Chat.Attachments;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Application;

/// <summary>
/// Sends a file: the rules (<see cref="ChatAttachmentRules"/>), then — only for a live session's attendee — its bytes
/// are read, and the dialog entry, the attachment and its bytes are stored in one write, so a refusal or failure
/// stores nothing. The entry's text is the file name; Off the Record works as for a message. The same
/// <see cref="UploadAttachmentRequest.ClientMessageId"/> again returns the first entry.
/// </summary>
public sealed class UploadAttachmentHandler(ChatWriter writer, IChatDbFactory databases, IChatAttachmentStore store, IChatNotifier notifier, IOptions<ChatOptions> options)
{
    private readonly ChatAttachmentRules _rules = new(options.Value.Attachments);

    /// <summary>From the shell: the file's stream (read up to one byte past the limit, to refuse a file that grew).</summary>
    public async Task<ChatEntryDto> HandleAsync(ChatCaller caller, UploadAttachmentRequest request, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = await CheckAsync(caller, request, cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            Append(buffer, chunk.AsSpan(0, read), name);
        }

        return await StoreAsync(caller, request, name, buffer.ToArray());
    }

    /// <summary>From the hub: the client's stream of chunks.</summary>
    public async Task<ChatEntryDto> HandleAsync(ChatCaller caller, UploadAttachmentRequest request, IAsyncEnumerable<byte[]> chunks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var name = await CheckAsync(caller, request, cancellationToken);
        using var buffer = new MemoryStream();
        await using var reader = chunks.GetAsyncEnumerator(cancellationToken);
        while (await NextChunkAsync(reader))
        {
            Append(buffer, reader.Current, name);
        }

        return await StoreAsync(caller, request, name, buffer.ToArray());
    }

    /// <summary>
    /// The next chunk of the client's stream. A chunk SignalR cannot read as bytes (JSON: not a base64 string) ends the
    /// stream with SignalR's own binding error: the client is told what a chunk must be, instead of a server error.
    /// </summary>
    private static async Task<bool> NextChunkAsync(IAsyncEnumerator<byte[]> reader)
    {
        try
        {
            return await reader.MoveNextAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ChatException)
        {
            throw new ChatException(ChatConstants.Errors.ArgumentInvalid,
                $"An upload's chunks are bytes (in JSON, base64 strings) of at most {ChatProtocol.AttachmentChunkBytes} bytes each; a chunk could not be read, and nothing was stored.");
        }
    }

    private void Append(MemoryStream buffer, ReadOnlySpan<byte> chunk, string name)
    {
        if (buffer.Length + chunk.Length > _rules.MaxBytes)
        {
            _rules.Length(name, buffer.Length + chunk.Length);
        }

        buffer.Write(chunk);
    }

    /// <summary>Every rule that needs no bytes, before any are received: a stranger's upload is refused at once.</summary>
    private async Task<string> CheckAsync(ChatCaller caller, UploadAttachmentRequest request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ChatException(ChatConstants.Errors.ArgumentInvalid, "UploadAttachment takes an UploadAttachmentRequest object, not null.");
        }

        if (request.ClientMessageId == Guid.Empty)
        {
            throw new ChatException(ChatConstants.Errors.MessageIdMissing, "Give each attachment its own id (a non-empty GUID).");
        }

        var name = _rules.FileName(request.FileName);
        _rules.Length(name, request.Length);
        await using var db = databases.Create();
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == request.SessionId)
            .Select(s => new { s.EndedAt, Attending = s.Attendees.Any(a => a.UserName == caller.UserName && a.LeftAt == null) })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ChatException(ChatConstants.Errors.SessionNotFound, "There is no such session.");
        if (session.EndedAt is not null)
        {
            throw new ChatException(ChatConstants.Errors.SessionEnded, "This session has ended.");
        }

        return session.Attending ? name : throw new ChatException(ChatConstants.Errors.NotAttendee, "You are not in this session.");
    }

    private Task<ChatEntryDto> StoreAsync(ChatCaller caller, UploadAttachmentRequest request, string name, byte[] bytes)
    {
        // The announced length may be wrong; what counts is what arrived.
        _rules.Length(name, bytes.Length);
        var offTheRecordWith = PostedEntry.OffTheRecordWith(request.OffTheRecordWith);

        // Alone: a file's bytes do not ride along in other writes' batch (nor are they re-run with them).
        return writer.ExecuteAsync(ChatWriteMode.Alone, async w =>
        {
            var existing = await w.Db.Entries.AsNoTracking().FirstOrDefaultAsync(
                e => e.SessionId == request.SessionId && e.Author == caller.UserName && e.ClientMessageId == request.ClientMessageId, w.CancellationToken);
            if (existing is not null)
            {
                var stored = await w.Db.Attachments.AsNoTracking()
                    .Where(a => a.SessionId == existing.SessionId && a.Sequence == existing.Sequence).ToListAsync(w.CancellationToken);
                return ChatDtos.Entry(existing) with { Attachments = [.. stored.Select(ChatAttachmentDtos.From)] };
            }

            var session = await w.LiveSessionAsync(request.SessionId);
            var record = session.Post(caller.UserName, name, request.ClientMessageId, offTheRecordWith, w.Now);
            var attachment = new ChatAttachmentRecord
            {
                Id = Guid.NewGuid(),
                SessionId = record.SessionId,
                Sequence = record.Sequence,
                FileName = name,
                ContentType = ChatAttachmentRules.ContentType(name),
                Length = bytes.Length,
            };
            w.Db.Attachments.Add(attachment);
            await store.SaveAsync(w, attachment.Id, bytes);
            var entry = ChatDtos.Entry(record) with { Attachments = [ChatAttachmentDtos.From(attachment)] };
            PostedEntry.AnnounceAfterCommit(w, notifier, session, entry);
            return entry;
        }, CancellationToken.None, request.SessionId);
    }
}
