using Microsoft.Extensions.DependencyInjection;
using ServicePro.Contracts.Diagnostics;

namespace ServicePro.Modules.Chat.Diagnostics;

/// <summary>Chat's metrics, their sampler, the hub's telemetry filter and the figures for Admin → Modules.</summary>
public static class ChatTelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddChatTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<ChatMetrics>();
        services.AddSingleton<ChatTelemetryHubFilter>();
        services.AddSingleton<ChatFigures>();
        services.AddModuleFigures<ChatFigures>();
        services.AddHostedService<ChatMetricsSampler>();
        return services;
    }
}
