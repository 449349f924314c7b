using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePro.Contracts.Cluster;
using ServicePro.Contracts.Data;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Modules;
using Microsoft.AspNetCore.Components.Server.Circuits;
using ServicePro.Modules.Chat.Application;
using ServicePro.Modules.Chat.Attachments;
using ServicePro.Modules.Chat.Hubs;
using ServicePro.Modules.Chat.Notifications;
using ServicePro.Modules.Chat.Components;
using ServicePro.Modules.Chat.Services;
using ServicePro.Modules.Chat.Shell;
using ServicePro.Modules.Chat.Writing;
using ServicePro.Modules.Chat.Diagnostics;

namespace ServicePro.Modules.Chat;

/// <summary>Chat between reps: the hub, sessions, presence, Off the Record, Chat Time, transcripts through an outbox.</summary>
public sealed class ChatModule : IServiceProModule
{
    public string Id => ChatConstants.ModuleId;

    public string Title => ChatConstants.Title;

    /// <summary>
    /// None. Chat uses the Requests module when it is installed — a request chat then names an existing request, and the
    /// Activity Stream receives its transcript — and works without it (Workbench chats). This is the one place that says so.
    /// </summary>
    public IReadOnlyCollection<string> DependsOn => [];

    public void ConfigureServices(ModuleServicesContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;

        services.Configure<ChatOptions>(context.ModuleConfiguration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IChatDbFactory, PooledChatDbFactory>();

        // Presence and notifications over every host of the deployment (IClusterBus: Redis, or nobody with one host).
        services.AddSingleton(sp => new PresenceTracker(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IClusterBus>().HostId,
            sp.GetRequiredService<IOptions<ChatOptions>>().Value.PresenceHostTimeout));
        services.AddHostedService<PresenceReplicator>();
        services.AddSingleton<PresenceBroadcaster>();
        services.AddSingleton<ChatSubscribers>();
        services.AddSingleton(sp => new ShellDelivery(sp.GetRequiredService<ChatSubscribers>(), sp.GetRequiredService<ILogger<ShellDelivery>>()));
        services.AddSingleton<ChatEventRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<ChatEventRelay>());
        services.AddSingleton<IChatNotifier, ChatNotifier>();
        services.AddSingleton<ChatWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ChatWriter>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<ChatHousekeeping>();

        // The application: one handler per use case and the queries, called by both adapters below.
        services.AddSingleton<StartSessionHandler>();
        services.AddSingleton<InviteHandler>();
        services.AddSingleton<InvitationAnswerHandler>();
        services.AddSingleton<SendMessageHandler>();
        services.AddSingleton<LeaveSessionHandler>();
        services.AddSingleton<ChatTimeHandler>();
        services.AddSingleton<PresenceHandler>();
        services.AddSingleton<TypingHandler>();
        services.AddSingleton<ChatQueries>();
        services.AddSingleton<SessionCloser>();
        services.AddSingleton<HousekeepingHandler>();
        services.AddSingleton<ChatApplication>();
        services.AddChatAttachments();
        services.AddSingleton<ChatModuleGateFilter>();
        services.AddSingleton<ChatHubErrorFilter>();
        services.AddSingleton<HostGroupFilter>();
        services.AddSingleton<UserAccessRevocation>();
        services.AddChatTelemetry();
        services.AddSignalR().AddHubOptions<ChatHub>(o =>
        {
            // The error filter first (outermost): it answers every failure with a code, the gate's refusal included.
            o.AddFilter<ChatHubErrorFilter>();
            o.AddFilter<ChatTelemetryHubFilter>(); // inside the error filter: sees refusals as ChatException
            o.AddFilter<ChatModuleGateFilter>();
            o.AddFilter<HostGroupFilter>();
            o.AddFilter<UserAccessRevocation>();
        });

        // The chat hub's own connection handler: coded answers for unreadable arguments, and no second, stack-traced
        // Error log for failures that ChatHubErrorFilter already logged. Other hubs keep SignalR's defaults.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<HubConnectionHandler<ChatHub>>(
            sp,
            ActivatorUtilities.CreateInstance<ChatHubProtocolResolver>(sp, sp.GetRequiredService<IHubProtocolResolver>()),
            new ChatHubLoggerFactory(sp.GetRequiredService<ILoggerFactory>())));

        // The shell's adapter: per rep's shell (Blazor circuit), in process; presence from the circuit's connection.
        services.AddScoped<CircuitChat>();
        services.AddScoped<IShellChat>(sp => sp.GetRequiredService<CircuitChat>());
        services.AddScoped<ChatShell>();
        services.AddScoped<CircuitHandler, ChatCircuitHandler>();
        services.AddWorkbenchTile<ChatTile>(ChatConstants.TileId, ChatConstants.Title, 20);
        services.AddMenuContributor<ChatSocialMenuItems>();
        services.AddMenuContributor<ChatNavigation>();
        services.AddView<ChatPopups>(ShellRegions.Popups);
    }

    public async Task InitializeAsync(ModuleInitializationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Services.GetRequiredService<IModuleDatabase>().MigrateAtStartup)
        {
            await using var db = context.Services.GetRequiredService<IChatDbFactory>().Create();
            await db.Database.MigrateAsync(cancellationToken);
        }

        // The shell's cookie or a bearer token from /account/token; anyone else is refused before the hub.
        var signedIn = new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme)
            .RequireAuthenticatedUser()
            .Build();
        // A connection ends when the token (or cookie) it was opened with expires; a client reconnects with a fresh one.
        context.Endpoints.MapHub<ChatHub>(ChatConstants.HubRoute, o => o.CloseOnAuthenticationExpiration = true).RequireAuthorization(signedIn);
        context.Endpoints.MapChatAttachmentsApi().RequireAuthorization(signedIn);
    }
}
