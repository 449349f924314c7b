namespace ServicePro.Contracts.Chat;

/// <summary>A file sent with a transcript line; <see cref="Href"/> downloads it for those who may read the transcript.</summary>
/// <param name="Id">The attachment's id.</param>
/// <param name="FileName">The name it was sent with.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Length">Its size in bytes.</param>
public sealed record TranscriptAttachment(Guid Id, string FileName, string ContentType, long Length)
{
    /// <summary>The Chat module's download address for it, relative to the host.</summary>
    public string Href => $"/chat/attachments/{Id}";
}
