using System.Globalization;
using System.Text;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.ViewModels;

/// <summary>The Messages view: the Workbench sessions the rep took part in, newest first, each with its transcript.</summary>
public sealed partial class MessagesViewModel(IChatApi chat) : ObservableObject
{
    [ObservableProperty]
    [NotifyPropertyChangedFor(nameof(Visible))]
    public partial IReadOnlyList<ChatSessionSummaryDto> Sessions { get; private set; } = [];

    [ObservableProperty]
    public partial ChatSessionSummaryDto? Selected { get; set; }

    /// <summary>Words to look for in the rep's own transcripts (and participants); empty shows every session.</summary>
    [ObservableProperty]
    [NotifyPropertyChangedFor(nameof(Visible))]
    public partial string Search { get; set; } = string.Empty;

    /// <summary>The sessions that match <see cref="Search"/>, newest first.</summary>
    public IReadOnlyList<ChatSessionSummaryDto> Visible => string.IsNullOrWhiteSpace(Search)
        ? Sessions
        : [.. Sessions.Where(s => Matches(s, Search.Trim()))];

    [ObservableProperty]
    public partial string? Error { get; private set; }

    /// <summary>
    /// One transcript as Markdown: heading, who took part, when, how long, then each line. Whatever reps typed (texts and
    /// names) is escaped with <see cref="MarkdownText"/>, so a viewer shows it and never runs or links it.
    /// </summary>
    public static string ToMarkdown(ChatSessionSummaryDto session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.Append(culture, $"# Chat {session.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC").AppendLine().AppendLine();
        if (session.RequestNumber is { } number)
        {
            text.Append(culture, $"- Request: #{number}").AppendLine();
        }

        text.Append(culture, $"- Participants: {string.Join(", ", session.Participants.Select(MarkdownText.Escape))}").AppendLine();
        text.Append(culture, $"- Started by: {MarkdownText.Escape(session.Originator)}").AppendLine();
        text.Append(culture, $"- Length: {(int)session.Length.TotalHours:00}:{session.Length.Minutes:00}:{session.Length.Seconds:00}").AppendLine().AppendLine();
        foreach (var line in session.Transcript)
        {
            var author = MarkdownText.Escape(line.Author);
            var said = line.Kind switch
            {
                TranscriptLineKind.Message when line.Attachments.Count > 0 =>
                    $"**{author}**: {string.Join(", ", line.Attachments.Select(a => $"[{MarkdownText.Escape(a.FileName)}]({a.Href})"))}",
                TranscriptLineKind.Message => $"**{author}**: {MarkdownText.Escape(line.Text)}",
                TranscriptLineKind.Joined => $"_{author} joined_",
                TranscriptLineKind.Left => $"_{author} left_",
                _ => $"_{MarkdownText.Escape(line.Text)}_",
            };
            text.Append(culture, $"- {line.Time.UtcDateTime:HH:mm:ss} {said}").AppendLine();
        }

        return text.ToString();
    }

    /// <summary>The Markdown transcript as a <c>data:</c> address for a download link.</summary>
    public static string MarkdownDataUrl(ChatSessionSummaryDto session) =>
        "data:text/markdown;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(ToMarkdown(session)));

    public static string MarkdownFileName(ChatSessionSummaryDto session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return string.Create(CultureInfo.InvariantCulture, $"chat-{session.StartedAt.UtcDateTime:yyyyMMdd-HHmm}-{session.SessionId.ToString()[..8]}.md");
    }

    private static bool Matches(ChatSessionSummaryDto session, string search) =>
        session.Participants.Any(p => p.Contains(search, StringComparison.OrdinalIgnoreCase))
        || session.Transcript.Any(l => l.Text.Contains(search, StringComparison.OrdinalIgnoreCase));

    [RelayCommand]
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Error = null;
        try
        {
            Sessions = await chat.GetMySessionsAsync(cancellationToken);
            Selected = Sessions.FirstOrDefault(s => s.SessionId == Selected?.SessionId) ?? Sessions.FirstOrDefault();
        }
        catch (ChatException ex)
        {
            Error = ex.Message;
        }
    }
}
