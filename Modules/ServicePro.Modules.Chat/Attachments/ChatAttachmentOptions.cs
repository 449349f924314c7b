namespace ServicePro.Modules.Chat.Attachments;

/// <summary>Files in a chat, from <c>Modules:chat:Attachments</c>.</summary>
public sealed class ChatAttachmentOptions
{
    /// <summary>The largest file, in bytes (10 MB by default).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// File name extensions that are refused, separated by spaces or commas. One text rather than a list because
    /// configuration binding adds a list's configured items to its defaults instead of replacing them.
    /// </summary>
    public string RefusedExtensions { get; set; } = ".exe .bat .cmd .com .msi .ps1 .sh .js .vbs .scr .dll .jar .hta .lnk";
}
