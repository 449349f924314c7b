using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Data;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;
using ServicePro.Contracts.Requests;
using ServicePro.Modules.Requests.Data;
using ServicePro.Modules.Requests.Services;
using ServicePro.Modules.Requests.ViewModels;
using ServicePro.Contracts.Diagnostics;
using ServicePro.Modules.Requests.Diagnostics;

namespace ServicePro.Modules.Requests;

/// <summary>Service requests and their Activity Stream: list, create, update, and chat sessions recorded on requests.</summary>
public sealed class RequestsModule : IServiceProModule
{
    public string Id => RequestsConstants.ModuleId;

    public string Title => RequestsConstants.Title;

    public IReadOnlyCollection<string> DependsOn => [];

    public void ConfigureServices(ModuleServicesContext context)
    {
        var services = context.Services;
        services.TryAddSingleton(TimeProvider.System);

        // One context per operation, on the host's provider: components and the chat-ended handler run concurrently.
        services.AddModuleDbContextFactory<RequestsDbContext, SqliteRequestsDbContext, SqlServerRequestsDbContext, PostgreSqlRequestsDbContext>();
        services.AddScoped<IRequestService, RequestService>();
        // A singleton, so that other modules may use it from singletons too (it opens a context per call).
        services.AddSingleton<IRequestDirectory, RequestDirectory>();

        services.AddSingleton<IChatActivityWriter, ChatActivityWriter>();
        services.AddSingleton<RequestsMetrics>();
        services.AddModuleFigures<RequestsFigures>();
        services.AddEventHandler<ChatSessionEndedEvent, ChatSessionEndedHandler>();

        services.AddTransient<RequestListViewModel>();
        services.AddTransient<NewRequestViewModel>();
        services.AddTransient<RequestDetailsViewModel>();
        services.AddTransient<RequestsTileViewModel>();

        services.AddMenuContributor<RequestsNavigation>();
        services.AddWorkbenchTile<RequestsTile>(RequestsConstants.TileId, RequestsConstants.Title, 10);
    }

    public async Task InitializeAsync(ModuleInitializationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Services.GetRequiredService<IModuleDatabase>().MigrateAtStartup)
        {
            return;
        }

        var contexts = context.Services.GetRequiredService<IDbContextFactory<RequestsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
