namespace ServicePro.Modules.Chat.Application;

/// <summary>Sending files, as one signed-in rep's shell does it in process (apart from <see cref="IChatApi"/>, whose fakes need not change).</summary>
public interface IChatAttachmentsApi
{
    /// <summary>Sends <paramref name="content"/> as <paramref name="fileName"/>; completes when it is stored. Refusals throw <see cref="ChatException"/>.</summary>
    Task<ChatEntryDto> UploadAsync(Guid sessionId, string fileName, long length, Stream content, string? offTheRecordWith, CancellationToken cancellationToken = default);
}
