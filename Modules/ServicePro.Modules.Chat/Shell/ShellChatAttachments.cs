using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.Shell;

/// <summary>The shell's attachment adapter: calls the handler as the circuit's rep, through <see cref="CircuitChat"/>'s gate and fault handling.</summary>
public sealed class ShellChatAttachments(CircuitChat circuit, UploadAttachmentHandler upload) : IChatAttachmentsApi
{
    public Task<ChatEntryDto> UploadAsync(Guid sessionId, string fileName, long length, Stream content, string? offTheRecordWith, CancellationToken cancellationToken = default) =>
        circuit.CallAsync(() => upload.HandleAsync(
            circuit.Caller, new UploadAttachmentRequest(sessionId, ChatProtocol.NewClientMessageId(), fileName, length, offTheRecordWith), content, cancellationToken));
}
