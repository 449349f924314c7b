using System.Globalization;
using Microsoft.AspNetCore.StaticFiles;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.Attachments;

/// <summary>
/// What a file must be to be sent: a usable name, not of a refused type, not empty, not over the size limit. Every rule
/// is checked before anything is stored; a refusal is a <see cref="ChatException"/> with its code and a sentence a rep reads.
/// </summary>
public sealed class ChatAttachmentRules
{
    public const int MaxFileNameLength = 255;

    private static readonly FileExtensionContentTypeProvider s_types = new();
    private readonly HashSet<string> _refused;

    public ChatAttachmentRules(ChatAttachmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MaxBytes = options.MaxBytes;
        _refused = new HashSet<string>(
            options.RefusedExtensions.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(e => e.StartsWith('.') ? e : "." + e),
            StringComparer.OrdinalIgnoreCase);
    }

    public long MaxBytes { get; }

    /// <summary>The name to store: the last path segment, trimmed, without control characters; or a refusal.</summary>
    public string FileName(string? sent)
    {
        var name = (sent ?? string.Empty).Replace('\\', '/');
        name = new string([.. name[(name.LastIndexOf('/') + 1)..].Where(c => !char.IsControl(c))]).Trim();
        if (name.Length == 0 || name.Trim('.').Length == 0)
        {
            throw new ChatException(ChatConstants.Errors.AttachmentNameInvalid, "The file has no usable name.");
        }

        if (name.Length > MaxFileNameLength)
        {
            throw new ChatException(ChatConstants.Errors.AttachmentNameInvalid, $"A file name has at most {MaxFileNameLength} characters; this one has {name.Length}.");
        }

        var extension = Path.GetExtension(name.TrimEnd('.', ' '));
        if (extension.Length > 0 && _refused.Contains(extension))
        {
            throw new ChatException(ChatConstants.Errors.AttachmentTypeRefused, $"“{name}” cannot be sent: {extension.ToLowerInvariant()} files are refused.");
        }

        return name;
    }

    /// <summary>Refuses an empty file or one over the limit (checked against the announced length, then the bytes read).</summary>
    public void Length(string fileName, long length)
    {
        if (length <= 0)
        {
            throw new ChatException(ChatConstants.Errors.AttachmentEmpty, $"“{fileName}” is empty: there is nothing to send.");
        }

        if (length > MaxBytes)
        {
            throw new ChatException(ChatConstants.Errors.AttachmentTooLarge, $"“{fileName}” is {Size(length)}; files up to {Size(MaxBytes)} can be sent.");
        }
    }

    /// <summary>The media type the host serves a file as, from its extension (never what the sender claims).</summary>
    public static string ContentType(string fileName) =>
        s_types.TryGetContentType(fileName, out var type) ? type : "application/octet-stream";

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
