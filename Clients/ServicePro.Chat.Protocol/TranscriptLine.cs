namespace ServicePro.Chat.Protocol;

/// <summary>One line of a session's transcript in <see cref="ChatSessionSummaryDto"/> (never an Off the Record message).</summary>
public sealed record TranscriptLine(DateTimeOffset Time, string Author, TranscriptLineKind Kind, string Text)
{
    /// <summary>The files sent with this line, to download from <see cref="ChatProtocol.AttachmentRoute"/>.</summary>
    public IReadOnlyList<ChatAttachmentDto> Attachments { get; init; } = [];
}
