using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ServicePro.Chat.Protocol;

namespace ServicePro.Chat.Client;

/// <summary>Files: sent through the hub as a stream of chunks, fetched over HTTP with the same sign-in.</summary>
public sealed partial class ChatClient
{
    /// <summary>
    /// Sends <paramref name="content"/> (from its current position) as <paramref name="fileName"/> and completes with its
    /// dialog entry when it is stored. SignalR's messages are limited to 32 KB by default, so the bytes go as a
    /// client-to-server stream of <see cref="ChatProtocol.AttachmentChunkBytes"/> chunks. Refusals (too large, empty, a
    /// refused type, not an attendee) throw <see cref="ChatClientException"/> with their code.
    /// </summary>
    public async Task<ChatEntryDto> UploadAttachmentAsync(Guid sessionId, string fileName, Stream content, string? offTheRecordWith = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            // The hub wants the length first (it refuses an oversized file before any byte is sent).
            var buffered = new MemoryStream();
            await content.CopyToAsync(buffered, cancellationToken);
            buffered.Position = 0;
            content = buffered;
        }

        var request = new UploadAttachmentRequest(sessionId, ChatProtocol.NewClientMessageId(), fileName, content.Length - content.Position, offTheRecordWith);
        return await InvokeAsync<ChatEntryDto>(ChatProtocol.Methods.UploadAttachment, [request, Chunks(content, cancellationToken)], cancellationToken);
    }

    /// <summary>
    /// The bytes of an attachment, from <c>GET /chat/attachments/{id}</c> with this client's token or cookies. A rep who
    /// may not read its entry gets <see cref="ChatClientException"/> with <see cref="ChatProtocol.Errors.NotAttendee"/>.
    /// </summary>
    public async Task<byte[]> DownloadAttachmentAsync(Guid attachmentId, CancellationToken cancellationToken = default)
    {
        using var handler = new HttpClientHandler();
        if (_options.Cookies is not null)
        {
            handler.CookieContainer = _options.Cookies;
        }

        using var http = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_options.HubUrl, $"{ChatProtocol.AttachmentRoute}/{attachmentId}"));
        if (_options.AccessTokenProvider is not null && await _options.AccessTokenProvider() is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var match = HttpErrorPattern().Match(body);
        throw match.Success
            ? new ChatClientException(match.Groups[1].Value, match.Groups[2].Value)
            : new ChatClientException(
                response.StatusCode == HttpStatusCode.Unauthorized ? ChatProtocol.Errors.NotAttendee : ChatClientException.UnknownCode,
                $"The attachment could not be downloaded ({(int)response.StatusCode}).");
    }

    private static async IAsyncEnumerable<byte[]> Chunks(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[ChatProtocol.AttachmentChunkBytes];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            yield return buffer[..read];
        }
    }

    [GeneratedRegex(@"^(CHAT_[A-Z_]+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex HttpErrorPattern();
}
