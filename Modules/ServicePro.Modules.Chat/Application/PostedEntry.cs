using ServicePro.Modules.Chat.Domain;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Application;

/// <summary>
/// Who hears of a posted entry — a message or an attachment — once its write commits: every current attendee, or for
/// Off the Record only its two people, the recipient also told that the author chose Off the Record with her. One
/// place for the rule, so a message and a file cannot drift apart on it.
/// </summary>
internal static class PostedEntry
{
    /// <summary>The Off the Record recipient as sent (trimmed), or <c>null</c> for an entry everyone sees.</summary>
    public static string? OffTheRecordWith(string? requested) =>
        string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();

    public static void AnnounceAfterCommit(ChatWriteContext w, IChatNotifier notifier, ChatSession session, ChatEntryDto entry)
    {
        if (entry.OffTheRecordWith is not { } otr)
        {
            var attendees = session.CurrentAttendees;
            w.AfterCommit(() => notifier.ToUsersAsync(attendees, new EntryAddedEvent(entry)));
            return;
        }

        // Only the two of them: never sent to anyone else's connection or shell.
        var notice = new OffTheRecordNotice(session.Id, entry.Author, entry.Sequence);
        w.AfterCommit(() => notifier.ToUsersAsync([entry.Author, otr], new EntryAddedEvent(entry)));
        w.AfterCommit(() => notifier.ToUsersAsync([otr], new OffTheRecordSelectedEvent(notice)));
    }
}
