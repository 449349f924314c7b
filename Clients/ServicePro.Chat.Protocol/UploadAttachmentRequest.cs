namespace ServicePro.Chat.Protocol;

/// <summary>
/// A file to send with <see cref="ChatProtocol.Methods.UploadAttachment"/>; its bytes follow as a client-to-server stream
/// of chunks of at most <see cref="ChatProtocol.AttachmentChunkBytes"/>. <paramref name="ClientMessageId"/> works as for
/// a message: uploading it again returns the first entry. <paramref name="OffTheRecordWith"/> sends it Off the Record
/// to that one other attendee.
/// </summary>
public sealed record UploadAttachmentRequest(Guid SessionId, Guid ClientMessageId, string FileName, long Length, string? OffTheRecordWith = null);
