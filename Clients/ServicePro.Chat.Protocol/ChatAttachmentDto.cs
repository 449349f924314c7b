namespace ServicePro.Chat.Protocol;

/// <summary>
/// A file sent in a chat. Download it from <c><see cref="ChatProtocol.AttachmentRoute"/>/{Id}</c> with the same sign-in
/// (cookie or bearer token); only those who may read its entry may.
/// </summary>
/// <param name="Id">The attachment's id.</param>
/// <param name="FileName">The name it was sent with (any script: Cyrillic, CJK, emoji).</param>
/// <param name="ContentType">The media type the host serves it as (from the file name's extension).</param>
/// <param name="Length">Its size in bytes.</param>
public sealed record ChatAttachmentDto(Guid Id, string FileName, string ContentType, long Length)
{
    /// <summary>A raster image the host shows in place (PNG, JPEG, GIF, WebP, BMP); never SVG.</summary>
    public bool IsImage => ContentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp" or "image/bmp";

    /// <summary>The download address, relative to the host.</summary>
    public string Href => $"{ChatProtocol.AttachmentRoute}/{Id}";
}
