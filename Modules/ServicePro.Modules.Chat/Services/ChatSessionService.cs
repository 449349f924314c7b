using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Requests;
using ServicePro.Contracts.Users;
using ServicePro.Modules.Chat.Data;
using ServicePro.Modules.Chat.Hubs;

namespace ServicePro.Modules.Chat.Services;

/// <summary>
/// The session rules, without SignalR: who may do what, the dialog with its sequence numbers, invitations, Chat Time
/// and the end with its outbox event. Every method takes the caller's user name from the sign-in (the hub passes it).
/// Writes go through <see cref="ChatWriter"/>; refusals are <see cref="ChatHubException"/>s with a code.
/// </summary>
public sealed class ChatSessionService(
    ChatWriter writer,
    IChatDbFactory databases,
    ChatClock clock,
    PresenceTracker presence,
    IChatNotifier notifier,
    IUserDirectory users,
    IOutboxSignal outbox,
    IOptions<ChatOptions> options,
    IServiceProvider services)
{
    public const string ReasonOriginatorLeft = "The originator left.";
    public const string ReasonOriginatorDisconnected = "The originator was disconnected for too long.";

    public async Task<ChatSessionDto> StartSessionAsync(string caller, int? requestNumber, CancellationToken cancellationToken = default)
    {
        string? title = null;
        if (requestNumber is { } number)
        {
            // The Requests module may be absent (or built later): then the number is taken as given.
            var requests = services.GetService<IRequestDirectory>();
            if (requests is not null)
            {
                var request = await requests.FindAsync(number, cancellationToken)
                    ?? throw new ChatHubException(ChatConstants.Errors.RequestNotFound, $"There is no request {number}.");
                title = request.Title;
            }
        }

        return await writer.ExecuteAsync(w =>
        {
            var session = new ChatSessionRecord
            {
                Id = Guid.NewGuid(),
                RequestNumber = requestNumber,
                RequestTitle = title,
                Originator = caller,
                StartedAt = w.Now,
            };
            ChatClock.Start(session, w.Now);
            session.Attendees.Add(new ChatAttendeeRecord { SessionId = session.Id, UserName = caller, JoinedAt = w.Now });
            w.Db.Sessions.Add(session);
            var joined = Append(w, session, TranscriptLineKind.Joined, caller, $"{caller} started the session.");
            Notify(w, [caller], c => c.EntryAdded(joined));
            return Task.FromResult(ToDto(session, w.Now));
        }, cancellationToken: cancellationToken);
    }

    public async Task<ChatSessionDto> GetSessionAsync(string caller, Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create();
        var session = await ReadableSessionAsync(db, caller, sessionId, cancellationToken);
        return ToDto(session, clock.Now);
    }

    /// <summary>
    /// Tells the session's other current attendees that the caller is typing; nothing is stored. Only a current attendee
    /// of a live session may: after the end there is no one to tell.
    /// </summary>
    public async Task TypingAsync(string caller, Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create();
        await LiveSessionAsync(db, sessionId, cancellationToken);
        var attendees = await CurrentAttendeesAsync(db, sessionId, cancellationToken);
        RequireAttendee(attendees, caller);
        var others = attendees.Where(a => a != caller).ToList();
        if (others.Count > 0)
        {
            await notifier.ToUsersAsync(others, c => c.UserTyping(new TypingNotice(sessionId, caller)));
        }
    }

    /// <summary>The running sessions the caller is in: a shell opened again (a reload, a new tab) shows their windows.</summary>
    public async Task<IReadOnlyList<ChatSessionDto>> GetMyLiveSessionsAsync(string caller, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EndedAt == null && s.Attendees.Any(a => a.UserName == caller && a.LeftAt == null))
            .Include(s => s.Attendees)
            .ToListAsync(cancellationToken);
        var now = clock.Now;
        return [.. sessions.OrderBy(s => s.StartedAt).Select(s => ToDto(s, now))];
    }

    /// <summary>The dialog after <paramref name="afterSequence"/>, as the caller may see it (Off the Record only between its two people).</summary>
    public async Task<IReadOnlyList<ChatEntryDto>> GetEntriesAsync(string caller, Guid sessionId, long afterSequence, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create();
        await ReadableSessionAsync(db, caller, sessionId, cancellationToken);
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.SessionId == sessionId && e.Sequence > afterSequence)
            .Where(e => e.OffTheRecordWith == null || e.Author == caller || e.OffTheRecordWith == caller)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return entries.Select(ToDto).ToList();
    }

    public async Task<IReadOnlyList<ChatInvitationDto>> InviteAsync(string caller, Guid sessionId, IReadOnlyCollection<string>? invitees, CancellationToken cancellationToken = default)
    {
        var names = (invitees ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
        {
            throw new ChatHubException(ChatConstants.Errors.NoInvitees, "Name at least one rep to invite.");
        }

        // Only attendees invite: say so before anything about the invitees.
        await using (var db = databases.Create())
        {
            var live = await db.Sessions.AsNoTracking().AnyAsync(s => s.Id == sessionId && s.EndedAt == null, cancellationToken);
            if (live)
            {
                RequireAttendee(await CurrentAttendeesAsync(db, sessionId, cancellationToken), caller);
            }
        }

        var canonical = new List<string>();
        foreach (var name in names)
        {
            var user = await users.FindAsync(name, cancellationToken)
                ?? throw new ChatHubException(ChatConstants.Errors.UserNotFound, $"There is no rep '{name}'.");
            if (string.Equals(user.UserName, caller, StringComparison.OrdinalIgnoreCase))
            {
                throw new ChatHubException(ChatConstants.Errors.InviteSelf, "You are already in the session.");
            }

            if (presence.StatusOf(user.UserName) == PresenceStatus.Offline)
            {
                throw new ChatHubException(ChatConstants.Errors.UserOffline, $"{user.UserName} is Offline and cannot be invited.");
            }

            canonical.Add(user.UserName);
        }

        return await writer.ExecuteAsync(async w =>
        {
            var session = await LiveSessionAsync(w.Db, sessionId, cancellationToken);
            var attendees = await CurrentAttendeesAsync(w.Db, sessionId, cancellationToken);
            RequireAttendee(attendees, caller);
            var invitations = new List<ChatInvitationRecord>();
            foreach (var invitee in canonical)
            {
                if (attendees.Contains(invitee))
                {
                    throw new ChatHubException(ChatConstants.Errors.AlreadyAttendee, $"{invitee} is already in the session.");
                }

                var pending = await w.Db.Invitations.AnyAsync(
                    i => i.SessionId == sessionId && i.Invitee == invitee && i.Status == InvitationStatus.Pending && i.ExpiresAt > w.Now, cancellationToken);
                if (pending)
                {
                    throw new ChatHubException(ChatConstants.Errors.AlreadyInvited, $"{invitee} is already invited to this session.");
                }

                invitations.Add(new ChatInvitationRecord
                {
                    Id = Guid.NewGuid(),
                    SessionId = sessionId,
                    Invitee = invitee,
                    InvitedBy = caller,
                    CreatedAt = w.Now,
                    ExpiresAt = w.Now + options.Value.InvitationExpiry,
                    Status = InvitationStatus.Pending,
                });
            }

            w.Db.Invitations.AddRange(invitations);
            var dtos = invitations.Select(i => ToDto(i, session)).ToList();
            foreach (var dto in dtos)
            {
                Notify(w, [dto.Invitee], c => c.InvitationReceived(dto));
            }

            return (IReadOnlyList<ChatInvitationDto>)dtos;
        }, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<ChatInvitationDto>> GetMyInvitationsAsync(string caller, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create();
        var now = clock.Now;
        var pending = await db.Invitations.AsNoTracking()
            .Where(i => i.Invitee == caller && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .Join(db.Sessions.AsNoTracking(), i => i.SessionId, s => s.Id, (i, s) => new { i, s })
            .ToListAsync(cancellationToken);
        return pending.Select(x => ToDto(x.i, x.s)).ToList();
    }

    public Task<ChatSessionDto> AcceptInvitationAsync(string caller, Guid invitationId, CancellationToken cancellationToken = default) =>
        writer.ExecuteAsync(async w =>
        {
            var (invitation, session) = await PendingInvitationAsync(w, caller, invitationId, cancellationToken);
            invitation.Status = InvitationStatus.Accepted;
            var attendees = await CurrentAttendeesAsync(w.Db, session.Id, cancellationToken);
            attendees.Add(caller);
            var attendee = await w.Db.Attendees.FindAsync([session.Id, caller], cancellationToken);
            if (attendee is null)
            {
                w.Db.Attendees.Add(new ChatAttendeeRecord { SessionId = session.Id, UserName = caller, JoinedAt = w.Now });
            }
            else
            {
                attendee.LeftAt = null;
            }

            var joined = Append(w, session, TranscriptLineKind.Joined, caller, $"{caller} joined.");
            Notify(w, attendees, c => c.EntryAdded(joined));
            var closed = ToDto(invitation, session);
            Notify(w, [caller, invitation.InvitedBy], c => c.InvitationClosed(closed));
            return ToDto(session, w.Now, attendees);
        }, cancellationToken: cancellationToken);

    public Task<ChatInvitationDto> DeclineInvitationAsync(string caller, Guid invitationId, CancellationToken cancellationToken = default) =>
        writer.ExecuteAsync(async w =>
        {
            var (invitation, session) = await PendingInvitationAsync(w, caller, invitationId, cancellationToken);
            invitation.Status = InvitationStatus.Declined;
            var note = Append(w, session, TranscriptLineKind.System, caller, $"{caller} declined the invitation.");
            var attendees = await CurrentAttendeesAsync(w.Db, session.Id, cancellationToken);
            Notify(w, attendees, c => c.EntryAdded(note));
            var closed = ToDto(invitation, session);
            Notify(w, [caller, invitation.InvitedBy], c => c.InvitationClosed(closed));
            return closed;
        }, cancellationToken: cancellationToken);

    /// <summary>
    /// Stores a message before acknowledging it. The same <see cref="SendMessageRequest.ClientMessageId"/> sent again
    /// returns the first result and stores nothing.
    /// </summary>
    public Task<ChatEntryDto> SendMessageAsync(string caller, SendMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ClientMessageId == Guid.Empty)
        {
            throw new ChatHubException(ChatConstants.Errors.MessageIdMissing, "Give each message its own id (a non-empty GUID).");
        }

        var text = (request.Text ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new ChatHubException(ChatConstants.Errors.MessageEmpty, "A message cannot be empty.");
        }

        if (text.Length > ChatConstants.MaxMessageLength)
        {
            throw new ChatHubException(ChatConstants.Errors.MessageTooLong, $"A message has at most {ChatConstants.MaxMessageLength} characters; this one has {text.Length}.");
        }

        var requestedOtr = string.IsNullOrWhiteSpace(request.OffTheRecordWith) ? null : request.OffTheRecordWith.Trim();
        return writer.ExecuteAsync(
            async w =>
            {
                // The same id again returns the first result. Within a batch the batch knows; against earlier batches
                // the unique index refuses the insert and the careful re-run finds the stored entry.
                var key = (request.SessionId, caller, request.ClientMessageId);
                var sent = BatchItem(w, "sent", () => new Dictionary<(Guid, string, Guid), ChatEntryDto>());
                if (sent.TryGetValue(key, out var again))
                {
                    return again;
                }

                if (w.Careful)
                {
                    var existing = await w.Db.Entries.AsNoTracking().FirstOrDefaultAsync(
                        e => e.SessionId == request.SessionId && e.Author == caller && e.ClientMessageId == request.ClientMessageId, cancellationToken);
                    if (existing is not null)
                    {
                        return ToDto(existing);
                    }
                }

                var session = await LiveSessionAsync(w.Db, request.SessionId, cancellationToken);
                var attendees = await BatchAttendeesAsync(w, session.Id, cancellationToken);
                RequireAttendee(attendees, caller);
                string? otr = null;
                if (requestedOtr is not null)
                {
                    otr = attendees.FirstOrDefault(a => string.Equals(a, requestedOtr, StringComparison.OrdinalIgnoreCase));
                    if (otr is null || string.Equals(otr, caller, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new ChatHubException(ChatConstants.Errors.OffTheRecordRecipientInvalid, "Off the Record needs one other attendee of this session.");
                    }
                }

                var entry = Append(w, session, TranscriptLineKind.Message, caller, text, request.ClientMessageId, otr);
                sent[key] = entry;
                if (otr is null)
                {
                    Notify(w, attendees, c => c.EntryAdded(entry));
                }
                else
                {
                    // Only the two of them: never sent to anyone else's connection.
                    Notify(w, [caller, otr], c => c.EntryAdded(entry));
                    var notice = new OffTheRecordNotice(session.Id, caller, entry.Sequence);
                    Notify(w, [otr], c => c.OffTheRecordSelected(notice));
                }

                return entry;
            },
            deferrable: true,
            cancellationToken: cancellationToken);
    }

    /// <summary>An attendee leaves; the originator leaving ends the session for everyone.</summary>
    public Task<SessionEndedDto?> LeaveSessionAsync(string caller, Guid sessionId, CancellationToken cancellationToken = default) =>
        writer.ExecuteAsync(async w =>
        {
            var session = await LiveSessionAsync(w.Db, sessionId, cancellationToken);
            var attendees = await CurrentAttendeesAsync(w.Db, sessionId, cancellationToken);
            RequireAttendee(attendees, caller);
            if (session.Originator == caller)
            {
                return await EndAsync(w, session, caller, ReasonOriginatorLeft, cancellationToken);
            }

            var attendee = await w.Db.Attendees.FindAsync([sessionId, caller], cancellationToken);
            attendee!.LeftAt = w.Now;
            var left = Append(w, session, TranscriptLineKind.Left, caller, $"{caller} left.");
            Notify(w, attendees, c => c.EntryAdded(left));
            return (SessionEndedDto?)null;
        }, cancellationToken: cancellationToken);

    public Task<ChatTimeDto> PauseChatTimeAsync(string caller, Guid sessionId, CancellationToken cancellationToken = default) =>
        ChangeChatTimeAsync(caller, sessionId, (s, now) => ChatClock.Pause(s, now), cancellationToken);

    public Task<ChatTimeDto> ResumeChatTimeAsync(string caller, Guid sessionId, CancellationToken cancellationToken = default) =>
        ChangeChatTimeAsync(caller, sessionId, (s, now) => ChatClock.Resume(s, now), cancellationToken);

    public Task<ChatTimeDto> SetChatTimeAsync(string caller, Guid sessionId, TimeSpan value, CancellationToken cancellationToken = default)
    {
        if (value < TimeSpan.Zero || value > ChatConstants.MaxChatTime)
        {
            throw new ChatHubException(ChatConstants.Errors.ChatTimeInvalid, "Chat Time must be between 0 and 24 hours.");
        }

        return ChangeChatTimeAsync(caller, sessionId, (s, now) => ChatClock.Set(s, value, now), cancellationToken);
    }

    /// <summary>
    /// Ended sessions the caller took part in — Workbench sessions, and request sessions with their request number —
    /// newest first, with their transcripts (never Off the Record lines).
    /// </summary>
    public async Task<IReadOnlyList<ChatSessionSummaryDto>> GetMySessionsAsync(string caller, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Create();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EndedAt != null && s.Attendees.Any(a => a.UserName == caller))
            .OrderByDescending(s => s.EndedAt)
            .Take(Math.Clamp(take, 1, 200))
            .Include(s => s.Attendees)
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        var entries = (await db.Entries.AsNoTracking()
                .Where(e => ids.Contains(e.SessionId) && e.OffTheRecordWith == null)
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.SessionId);
        return sessions.Select(s => new ChatSessionSummaryDto(
            s.Id, s.RequestNumber, s.Originator, TranscriptBuilder.Participants(s, s.Attendees), s.StartedAt, s.EndedAt,
            ChatClock.ValueAt(s, s.EndedAt!.Value), TranscriptBuilder.BuildForClients(entries[s.Id]))).ToList();
    }

    /// <summary>Expires pending invitations whose time is up, telling the invitee and whoever invited.</summary>
    public Task<int> ExpireInvitationsAsync(CancellationToken cancellationToken = default) =>
        writer.ExecuteAsync(async w =>
        {
            var due = await w.Db.Invitations.Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt <= w.Now).ToListAsync(cancellationToken);
            foreach (var invitation in due)
            {
                invitation.Status = InvitationStatus.Expired;
                var session = await w.Db.Sessions.FindAsync([invitation.SessionId], cancellationToken);
                var dto = ToDto(invitation, session!);
                Notify(w, [invitation.Invitee, invitation.InvitedBy], c => c.InvitationClosed(dto));
            }

            return due.Count;
        }, cancellationToken: cancellationToken);

    /// <summary>Ends every live session whose originator has had no connection for longer than the grace period.</summary>
    public async Task<int> EndAbandonedSessionsAsync(CancellationToken cancellationToken = default)
    {
        List<(Guid Id, string Originator)> live;
        await using (var db = databases.Create())
        {
            live = (await db.Sessions.AsNoTracking().Where(s => s.EndedAt == null).Select(s => new { s.Id, s.Originator }).ToListAsync(cancellationToken))
                .Select(s => (s.Id, s.Originator)).ToList();
        }

        var now = clock.Now;
        var ended = 0;
        foreach (var (id, originator) in live)
        {
            if (presence.OfflineSince(originator) is { } since && now - since >= options.Value.OriginatorGracePeriod)
            {
                var result = await writer.ExecuteAsync(async w =>
                {
                    var session = await w.Db.Sessions.FindAsync([id], cancellationToken);
                    return session is null || session.EndedAt is not null
                        ? null
                        : await EndAsync(w, session, null, ReasonOriginatorDisconnected, cancellationToken);
                }, cancellationToken: cancellationToken);
                ended += result is null ? 0 : 1;
            }
        }

        return ended;
    }

    private Task<ChatTimeDto> ChangeChatTimeAsync(string caller, Guid sessionId, Action<ChatSessionRecord, DateTimeOffset> change, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async w =>
        {
            var session = await LiveSessionAsync(w.Db, sessionId, cancellationToken);
            var attendees = await CurrentAttendeesAsync(w.Db, sessionId, cancellationToken);
            RequireAttendee(attendees, caller);
            if (session.Originator != caller)
            {
                throw new ChatHubException(ChatConstants.Errors.NotOriginator, "Only the originator can pause, resume or set Chat Time.");
            }

            change(session, w.Now);
            var dto = ChatClock.ToDto(session, w.Now);
            Notify(w, attendees, c => c.ChatTimeChanged(dto));
            return dto;
        }, cancellationToken: cancellationToken);

    /// <summary>
    /// Ends a session in the caller's transaction: final Chat Time, closing notes, pending invitations cancelled, the
    /// chat-ended event stored in the outbox (dispatched after commit), Off the Record removed unless retained.
    /// </summary>
    private async Task<SessionEndedDto> EndAsync(ChatWriteContext w, ChatSessionRecord session, string? leaver, string reason, CancellationToken cancellationToken)
    {
        var attendees = await w.Db.Attendees.Where(a => a.SessionId == session.Id).ToListAsync(cancellationToken);
        var current = attendees.Where(a => a.LeftAt is null).Select(a => a.UserName).ToList();
        var length = ChatClock.ValueAt(session, w.Now);
        session.ClockOffset = length;
        session.ClockRunningSince = null;
        session.EndedAt = w.Now;
        var added = new List<ChatEntryDto>();
        if (leaver is not null)
        {
            added.Add(Append(w, session, TranscriptLineKind.Left, leaver, $"{leaver} left."));
        }

        added.Add(Append(w, session, TranscriptLineKind.System, session.Originator, $"The session ended. {reason}"));
        foreach (var attendee in attendees.Where(a => a.LeftAt is null))
        {
            attendee.LeftAt = w.Now;
        }

        var cancelled = await w.Db.Invitations.Where(i => i.SessionId == session.Id && i.Status == InvitationStatus.Pending).ToListAsync(cancellationToken);
        foreach (var invitation in cancelled)
        {
            invitation.Status = InvitationStatus.Cancelled;
        }

        await w.Db.SaveChangesAsync(cancellationToken);
        var entries = await w.Db.Entries.AsNoTracking().Where(e => e.SessionId == session.Id && e.OffTheRecordWith == null).ToListAsync(cancellationToken);
        var ended = new ChatSessionEndedEvent(
            session.Id, session.RequestNumber, session.Originator, TranscriptBuilder.Participants(session, attendees),
            session.StartedAt, w.Now, length, TranscriptBuilder.Build(entries));
        w.Db.Outbox.Add(new ChatOutboxRecord { SessionId = session.Id, Payload = JsonSerializer.Serialize(ended), CreatedAt = w.Now });
        if (!options.Value.RetainOffTheRecord)
        {
            await w.Db.Entries.Where(e => e.SessionId == session.Id && e.OffTheRecordWith != null).ExecuteDeleteAsync(cancellationToken);
        }

        var dto = new SessionEndedDto(session.Id, w.Now, length, reason);
        foreach (var entry in added)
        {
            Notify(w, current, c => c.EntryAdded(entry));
        }

        Notify(w, current, c => c.SessionEnded(dto));
        foreach (var invitation in cancelled)
        {
            var closed = ToDto(invitation, session);
            Notify(w, [invitation.Invitee, invitation.InvitedBy], c => c.InvitationClosed(closed));
        }

        w.AfterCommit(() =>
        {
            outbox.Signal();
            return Task.CompletedTask;
        });
        return dto;
    }

    private async Task<(ChatInvitationRecord Invitation, ChatSessionRecord Session)> PendingInvitationAsync(ChatWriteContext w, string caller, Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await w.Db.Invitations.FindAsync([invitationId], cancellationToken);
        if (invitation is null || invitation.Invitee != caller)
        {
            throw new ChatHubException(ChatConstants.Errors.InvitationNotFound, "There is no such invitation for you.");
        }

        if (invitation.Status != InvitationStatus.Pending || invitation.ExpiresAt <= w.Now)
        {
            var status = invitation.Status == InvitationStatus.Pending ? InvitationStatus.Expired : invitation.Status;
            throw new ChatHubException(ChatConstants.Errors.InvitationClosed, $"This invitation is no longer open ({status}).");
        }

        var session = await LiveSessionAsync(w.Db, invitation.SessionId, cancellationToken);
        return (invitation, session);
    }

    private static async Task<ChatSessionRecord> LiveSessionAsync(ChatDbContext db, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.FindAsync([sessionId], cancellationToken)
            ?? throw new ChatHubException(ChatConstants.Errors.SessionNotFound, "There is no such session.");
        return session.EndedAt is null
            ? session
            : throw new ChatHubException(ChatConstants.Errors.SessionEnded, "This session has ended.");
    }

    /// <summary>A live session the caller is in, or an ended one they took part in.</summary>
    private static async Task<ChatSessionRecord> ReadableSessionAsync(ChatDbContext db, string caller, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Attendees).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new ChatHubException(ChatConstants.Errors.SessionNotFound, "There is no such session.");
        var attendee = session.Attendees.FirstOrDefault(a => a.UserName == caller);
        if (attendee is null || (session.EndedAt is null && attendee.LeftAt is not null))
        {
            throw new ChatHubException(ChatConstants.Errors.NotAttendee, "You are not in this session.");
        }

        return session;
    }

    private static async Task<List<string>> CurrentAttendeesAsync(ChatDbContext db, Guid sessionId, CancellationToken cancellationToken)
    {
        var stored = await db.Attendees.Where(a => a.SessionId == sessionId && a.LeftAt == null).Select(a => a.UserName).ToListAsync(cancellationToken);

        // Attendees added in this batch but not yet saved are tracked only.
        var tracked = db.ChangeTracker.Entries<ChatAttendeeRecord>()
            .Where(e => e.Entity.SessionId == sessionId && e.Entity.LeftAt == null && e.State == EntityState.Added)
            .Select(e => e.Entity.UserName);
        return [.. stored.Union(tracked)];
    }

    private static T BatchItem<T>(ChatWriteContext w, string name, Func<T> create)
        where T : class
    {
        if (w.BatchState.TryGetValue(name, out var item))
        {
            return (T)item;
        }

        var created = create();
        w.BatchState[name] = created;
        return created;
    }

    /// <summary>The current attendees, read once per batch of messages (messages do not change them).</summary>
    private static async Task<List<string>> BatchAttendeesAsync(ChatWriteContext w, Guid sessionId, CancellationToken cancellationToken)
    {
        var cache = BatchItem(w, "attendees", () => new Dictionary<Guid, List<string>>());
        if (!cache.TryGetValue(sessionId, out var attendees))
        {
            attendees = await CurrentAttendeesAsync(w.Db, sessionId, cancellationToken);
            cache[sessionId] = attendees;
        }

        return attendees;
    }

    private static void RequireAttendee(List<string> attendees, string caller)
    {
        if (!attendees.Contains(caller))
        {
            throw new ChatHubException(ChatConstants.Errors.NotAttendee, "You are not in this session.");
        }
    }

    private static ChatEntryDto Append(ChatWriteContext w, ChatSessionRecord session, TranscriptLineKind kind, string author, string text, Guid? clientMessageId = null, string? offTheRecordWith = null)
    {
        session.LastSequence++;
        var entry = new ChatEntryRecord
        {
            SessionId = session.Id,
            Sequence = session.LastSequence,
            Kind = kind,
            Author = author,
            Text = text,
            Time = w.Now,
            ClientMessageId = clientMessageId,
            OffTheRecordWith = offTheRecordWith,
        };
        w.Db.Entries.Add(entry);
        return ToDto(entry);
    }

    private void Notify(ChatWriteContext w, IReadOnlyCollection<string> recipients, Func<IChatClient, Task> send)
    {
        var to = recipients.ToList();
        w.AfterCommit(() => notifier.ToUsersAsync(to, send));
    }

    private static ChatEntryDto ToDto(ChatEntryRecord e) =>
        new(e.SessionId, e.Sequence, e.Kind, e.Author, e.Text, e.Time, e.ClientMessageId, e.OffTheRecordWith);

    private static ChatInvitationDto ToDto(ChatInvitationRecord i, ChatSessionRecord s) =>
        new(i.Id, i.SessionId, i.Invitee, i.InvitedBy, s.RequestNumber, s.RequestTitle, i.ExpiresAt, i.Status);

    private static ChatSessionDto ToDto(ChatSessionRecord s, DateTimeOffset now, IReadOnlyList<string>? attendees = null) =>
        new(s.Id, s.RequestNumber, s.RequestTitle, s.Originator,
            attendees ?? s.Attendees.Where(a => a.LeftAt is null).Select(a => a.UserName).ToList(),
            s.StartedAt, s.EndedAt, ChatClock.ToDto(s, now), s.LastSequence);
}
