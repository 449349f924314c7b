using Microsoft.EntityFrameworkCore;
using ServicePro.Contracts.Chat;
using ServicePro.Modules.Requests.Data;
using ServicePro.Modules.Requests.Diagnostics;

namespace ServicePro.Modules.Requests.Services;

/// <inheritdoc cref="IChatActivityWriter"/>
public sealed class ChatActivityWriter(IDbContextFactory<RequestsDbContext> contexts, RequestsMetrics? metrics = null) : IChatActivityWriter
{
    public async Task<bool> AppendAsync(ChatSessionEndedEvent session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var number = session.RequestNumber ?? throw new ArgumentException("The session is not attached to a request.", nameof(session));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await IsRecordedAsync(db, session.SessionId, cancellationToken))
        {
            return false;
        }

        if (!await db.Requests.AnyAsync(r => r.Number == number, cancellationToken))
        {
            throw new RequestNotFoundException(number);
        }

        db.Activity.Add(new ActivityEntry
        {
            RequestNumber = number,
            Kind = RequestsConstants.ActivityKinds.Chat,
            At = session.EndedAt.UtcDateTime,
            Actor = session.Originator,
            ChatSessionId = session.SessionId,
            ChatStartedAt = session.StartedAt.UtcDateTime,
            ChatEndedAt = session.EndedAt.UtcDateTime,
            ChatLengthTicks = session.Length.Ticks,
            ChatParticipants = ChatJson.Write(session.Participants),
            ChatTranscript = ChatJson.Write(session.Transcript),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            metrics?.ChatSessionRecorded();
            return true;
        }
        catch (DbUpdateException)
        {
            // Delivered twice at the same moment: the unique index let one in. If it was the other, we are done.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            if (await IsRecordedAsync(check, session.SessionId, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private static Task<bool> IsRecordedAsync(RequestsDbContext db, Guid sessionId, CancellationToken cancellationToken) =>
        db.Activity.AnyAsync(a => a.ChatSessionId == sessionId, cancellationToken);
}
