using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using ServicePro.Contracts.Modules;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.Attachments;

/// <summary>
/// <c>GET /chat/attachments/{id}</c>: the file, to the shell's cookie or a bearer token, checked by
/// <see cref="ChatAttachmentReader"/>. Always a download (<c>Content-Disposition: attachment</c>, the original name in
/// RFC 5987 form) except a raster image asked for <c>?inline=true</c> (a thumbnail); SVG and HTML are never inline.
/// </summary>
public static class ChatAttachmentsApi
{
    public static RouteHandlerBuilder MapChatAttachmentsApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ChatConstants.AttachmentRoute + "/{id:guid}", DownloadAsync);

    private static async Task<IResult> DownloadAsync(Guid id, bool? inline, HttpContext http, ChatAttachmentReader reader, IModuleStatus modules)
    {
        if (!modules.IsEnabled(ChatConstants.ModuleId))
        {
            return Results.NotFound();
        }

        ChatAttachmentDownload download;
        try
        {
            download = await reader.ReadAsync(http.User, id, http.RequestAborted);
        }
        catch (ChatException ex)
        {
            return ex.Code == ChatConstants.Errors.NotAttendee
                ? Results.Text($"{ex.Code}: {ex.Message}", "text/plain", Encoding.UTF8, StatusCodes.Status403Forbidden)
                : Results.Text($"{ex.Code}: {ex.Message}", "text/plain", Encoding.UTF8, StatusCodes.Status404NotFound);
        }

        var attachment = download.Attachment;
        var disposition = new ContentDispositionHeaderValue(inline == true && attachment.IsImage ? "inline" : "attachment");
        disposition.SetHttpFileName(attachment.FileName); // filename (ASCII stand-in) and filename* (UTF-8, RFC 5987)
        var headers = http.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-cache";
        return Results.Bytes(download.Content, attachment.ContentType);
    }
}
