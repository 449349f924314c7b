using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Shell;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.ViewModels;

namespace ServicePro.Modules.Chat.Shell;

/// <summary>
/// Tells the shell what should reach the rep while its tab is hidden: an invitation or a message mentioning her raises
/// a notice (notification, chime, count in the title); any other message from someone else only counts in the title.
/// Off the Record text never goes into a notification: the operating system may show it to whoever is at the screen.
/// </summary>
public sealed partial class ChatAttention : IDisposable
{
    private readonly IChatApi _chat;
    private readonly IShellAttention _attention;
    private readonly string _currentUser;
    private readonly Func<string, string> _displayName;
    private readonly ILogger _logger;

    public ChatAttention(IChatApi chat, IShellAttention attention, string currentUser, Func<string, string> displayName, ILogger logger)
    {
        _chat = chat;
        _attention = attention;
        _currentUser = currentUser;
        _displayName = displayName;
        _logger = logger;
        chat.EntryReceived += OnEntry;
        chat.InvitationReceived += OnInvitation;
    }

    /// <summary>The notice a received entry raises: a mention (title, body, tag), a plain unread message (<c>null</c> notice, counted), or nothing.</summary>
    public (bool Counts, ChatNotice? Notice) Classify(ChatEntryDto entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind != TranscriptLineKind.Message || string.Equals(entry.Author, _currentUser, StringComparison.OrdinalIgnoreCase))
        {
            return (false, null);
        }

        if (!ChatMentions.Mentions(entry.Text, _currentUser))
        {
            return (true, null);
        }

        var body = entry.OffTheRecordWith is null ? entry.Text : "An Off the Record message";
        return (true, new ChatNotice($"{_displayName(entry.Author)} mentioned you", body, $"chat-mention-{entry.SessionId:N}-{entry.Sequence}"));
    }

    public ChatNotice Describe(ChatInvitationDto invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var about = invitation.RequestNumber is { } number
            ? $"About request {number}{(invitation.RequestTitle is null ? string.Empty : $": {invitation.RequestTitle}")}"
            : "A Workbench chat";
        return new ChatNotice($"{_displayName(invitation.InvitedBy)} invites you to chat", about, $"chat-invitation-{invitation.InvitationId:N}");
    }

    public void Dispose()
    {
        _chat.EntryReceived -= OnEntry;
        _chat.InvitationReceived -= OnInvitation;
    }

    private void OnEntry(object? sender, ChatEntryDto entry)
    {
        var (counts, notice) = Classify(entry);
        if (notice is not null)
        {
            _ = RaiseAsync(notice);
        }
        else if (counts)
        {
            _ = CountAsync();
        }
    }

    private void OnInvitation(object? sender, ChatInvitationDto invitation) => _ = RaiseAsync(Describe(invitation));

    private async Task RaiseAsync(ChatNotice notice)
    {
        try
        {
            await _attention.NotifyAsync(notice.Title, notice.Body, notice.Tag);
        }
        catch (Exception ex)
        {
            LogFailed(_logger, ex, _currentUser);
        }
    }

    private async Task CountAsync()
    {
        try
        {
            await _attention.CountUnreadAsync(1);
        }
        catch (Exception ex)
        {
            LogFailed(_logger, ex, _currentUser);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The shell could not tell {User} about a chat notice")]
    private static partial void LogFailed(ILogger logger, Exception exception, string user);
}
