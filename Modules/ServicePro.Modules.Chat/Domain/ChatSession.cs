using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Data;

namespace ServicePro.Modules.Chat.Domain;

/// <summary>
/// A chat session and its rules: who is in it, the dialog's sequence numbers, Off the Record between two attendees,
/// Chat Time (an offset plus the moment it last started running, so no counter ticks anywhere) and the end.
/// Each rule is checked before anything changes, so a refused action leaves the session as it was. New entries and
/// attendees are collected for the writer to store (<see cref="TakeAdded"/>).
/// </summary>
public sealed class ChatSession
{
    private readonly List<ChatAttendeeRecord> _attendees;
    private readonly List<object> _added = [];

    private ChatSession(ChatSessionRecord record, List<ChatAttendeeRecord> attendees)
    {
        Record = record;
        _attendees = attendees;
    }

    public const string ReasonOriginatorLeft = "The originator left.";
    public const string ReasonOriginatorDisconnected = "The originator was disconnected for too long.";

    public ChatSessionRecord Record { get; }

    public Guid Id => Record.Id;

    public string Originator => Record.Originator;

    public bool IsEnded => Record.EndedAt is not null;

    /// <summary>Everyone who ever joined (those who left included).</summary>
    public IReadOnlyList<ChatAttendeeRecord> AllAttendees => _attendees;

    /// <summary>The attendees who are in the session now.</summary>
    public IReadOnlyList<string> CurrentAttendees => [.. _attendees.Where(a => a.LeftAt is null).Select(a => a.UserName)];

    /// <summary>A session as stored, with all its attendee records.</summary>
    public static ChatSession Load(ChatSessionRecord record, IEnumerable<ChatAttendeeRecord> attendees)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ChatSession(record, [.. attendees]);
    }

    /// <summary>A new session with its originator as the first attendee, Chat Time running from its start.</summary>
    /// <param name="originator">The rep who starts it.</param>
    /// <param name="requestNumber">The request it is about, or <c>null</c> for a Workbench session.</param>
    /// <param name="requestTitle">That request's title.</param>
    /// <param name="now">The start.</param>
    /// <param name="joined">The dialog's first entry: the originator started the session.</param>
    public static ChatSession Start(string originator, int? requestNumber, string? requestTitle, DateTimeOffset now, out ChatEntryRecord joined)
    {
        var record = new ChatSessionRecord
        {
            Id = Guid.NewGuid(),
            RequestNumber = requestNumber,
            RequestTitle = requestTitle,
            Originator = originator,
            StartedAt = now,
            ClockOffset = TimeSpan.Zero,
            ClockRunningSince = now,
        };
        var session = new ChatSession(record, []);
        session._added.Add(record);
        session.AddAttendee(originator, now);
        joined = session.Append(TranscriptLineKind.Joined, originator, $"{originator} started the session.", now);
        return session;
    }

    public void RequireLive()
    {
        if (IsEnded)
        {
            throw new ChatException(ChatConstants.Errors.SessionEnded, "This session has ended.");
        }
    }

    public void RequireAttendee(string user)
    {
        if (!IsAttendee(user))
        {
            throw new ChatException(ChatConstants.Errors.NotAttendee, "You are not in this session.");
        }
    }

    public bool IsAttendee(string user) => _attendees.Any(a => a.LeftAt is null && a.UserName == user);

    /// <summary>May <paramref name="user"/> read the dialog: a current attendee of a live session, or anyone who took part in an ended one.</summary>
    public bool IsReadableBy(string user) =>
        _attendees.FirstOrDefault(a => a.UserName == user) is { } attendee && (IsEnded || attendee.LeftAt is null);

    /// <summary>A message from an attendee; Off the Record goes to exactly one other current attendee.</summary>
    public ChatEntryRecord Post(string author, string text, Guid clientMessageId, string? offTheRecordWith, DateTimeOffset now)
    {
        RequireLive();
        RequireAttendee(author);
        string? otr = null;
        if (offTheRecordWith is not null)
        {
            otr = CurrentAttendees.FirstOrDefault(a => string.Equals(a, offTheRecordWith, StringComparison.OrdinalIgnoreCase));
            if (otr is null || string.Equals(otr, author, StringComparison.OrdinalIgnoreCase))
            {
                throw new ChatException(ChatConstants.Errors.OffTheRecordRecipientInvalid, "Off the Record needs one other attendee of this session.");
            }
        }

        return Append(TranscriptLineKind.Message, author, text, now, clientMessageId, otr);
    }

    /// <summary>A rep joins (an accepted invitation); someone who left before comes back.</summary>
    public ChatEntryRecord Join(string user, DateTimeOffset now)
    {
        RequireLive();
        if (_attendees.FirstOrDefault(a => a.UserName == user) is { } earlier)
        {
            earlier.LeftAt = null;
        }
        else
        {
            AddAttendee(user, now);
        }

        return Append(TranscriptLineKind.Joined, user, $"{user} joined.", now);
    }

    /// <summary>An attendee other than the originator leaves (the originator leaving ends the session: <see cref="End"/>).</summary>
    public ChatEntryRecord Leave(string user, DateTimeOffset now)
    {
        RequireLive();
        RequireAttendee(user);
        _attendees.First(a => a.UserName == user && a.LeftAt is null).LeftAt = now;
        return Append(TranscriptLineKind.Left, user, $"{user} left.", now);
    }

    /// <summary>A note in the dialog from the system on someone's behalf (e.g. a declined invitation).</summary>
    public ChatEntryRecord Note(string author, string text, DateTimeOffset now) => Append(TranscriptLineKind.System, author, text, now);

    /// <summary>
    /// Ends the session: Chat Time stops at its final value, the leaver's and the closing notes are added and every
    /// current attendee leaves. Returns those who were in it and the notes, to tell them.
    /// </summary>
    public ChatSessionEnding End(string? leaver, string reason, DateTimeOffset now)
    {
        RequireLive();
        var present = CurrentAttendees;
        var length = ChatTimeAt(now);
        Record.ClockOffset = length;
        Record.ClockRunningSince = null;
        Record.EndedAt = now;
        var notes = new List<ChatEntryRecord>();
        if (leaver is not null)
        {
            notes.Add(Append(TranscriptLineKind.Left, leaver, $"{leaver} left.", now));
        }

        notes.Add(Append(TranscriptLineKind.System, Originator, $"The session ended. {reason}", now));
        foreach (var attendee in _attendees.Where(a => a.LeftAt is null))
        {
            attendee.LeftAt = now;
        }

        return new ChatSessionEnding(present, notes, length, reason);
    }

    public void RequireOriginator(string user)
    {
        if (Originator != user)
        {
            throw new ChatException(ChatConstants.Errors.NotOriginator, "Only the originator can pause, resume or set Chat Time.");
        }
    }

    /// <summary>Chat Time at <paramref name="now"/>: offset + (now − running since), or the offset while paused.</summary>
    public TimeSpan ChatTimeAt(DateTimeOffset now)
    {
        var running = Record.ClockRunningSince is { } since && now > since ? now - since : TimeSpan.Zero;
        return Record.ClockOffset + running;
    }

    public void PauseChatTime(DateTimeOffset now)
    {
        Record.ClockOffset = ChatTimeAt(now);
        Record.ClockRunningSince = null;
    }

    public void ResumeChatTime(DateTimeOffset now) => Record.ClockRunningSince ??= now;

    /// <summary>Sets Chat Time; a running clock keeps running from the new value.</summary>
    public void SetChatTime(TimeSpan value, DateTimeOffset now)
    {
        if (value < TimeSpan.Zero || value > ChatConstants.MaxChatTime)
        {
            throw new ChatException(ChatConstants.Errors.ChatTimeInvalid, "Chat Time must be between 0 and 24 hours.");
        }

        Record.ClockOffset = value;
        if (Record.ClockRunningSince is not null)
        {
            Record.ClockRunningSince = now;
        }
    }

    public ChatTimeDto ChatTimeDto(DateTimeOffset now) => new(Id, ChatTimeAt(now), Record.ClockRunningSince is not null, now);

    /// <summary>The originator first, then the others in the order they joined.</summary>
    public IReadOnlyList<string> Participants() =>
        [Originator, .. _attendees.Where(a => !string.Equals(a.UserName, Originator, StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.JoinedAt).Select(a => a.UserName)];

    /// <summary>The records created since the last call (the session itself when new, attendees, entries), to store.</summary>
    public IReadOnlyList<object> TakeAdded()
    {
        var added = _added.ToList();
        _added.Clear();
        return added;
    }

    private void AddAttendee(string user, DateTimeOffset now)
    {
        var attendee = new ChatAttendeeRecord { SessionId = Id, UserName = user, JoinedAt = now };
        _attendees.Add(attendee);
        _added.Add(attendee);
    }

    private ChatEntryRecord Append(TranscriptLineKind kind, string author, string text, DateTimeOffset now, Guid? clientMessageId = null, string? offTheRecordWith = null)
    {
        Record.LastSequence++;
        var entry = new ChatEntryRecord
        {
            SessionId = Id,
            Sequence = Record.LastSequence,
            Kind = kind,
            Author = author,
            Text = text,
            Time = now,
            ClientMessageId = clientMessageId,
            OffTheRecordWith = offTheRecordWith,
        };
        _added.Add(entry);
        return entry;
    }
}

/// <summary>What ending a session produced: who was in it, the closing notes, the final Chat Time and why.</summary>
public sealed record ChatSessionEnding(IReadOnlyList<string> Attendees, IReadOnlyList<ChatEntryRecord> Notes, TimeSpan Length, string Reason);
