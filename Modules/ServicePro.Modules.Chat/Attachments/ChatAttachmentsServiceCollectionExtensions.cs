using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Shell;

namespace ServicePro.Modules.Chat.Attachments;

/// <summary>Files in a chat: the rules' handler, the reader behind the download endpoint, the store and the shell's adapter.</summary>
public static class ChatAttachmentsServiceCollectionExtensions
{
    public static IServiceCollection AddChatAttachments(this IServiceCollection services)
    {
        // The database by default; a deployment may register another store before the module's services.
        services.TryAddSingleton<IChatAttachmentStore, DatabaseChatAttachmentStore>();
        services.AddSingleton<UploadAttachmentHandler>();
        services.AddSingleton<ChatAttachmentReader>();
        services.AddScoped<IChatAttachmentsApi, ShellChatAttachments>();
        return services;
    }
}
