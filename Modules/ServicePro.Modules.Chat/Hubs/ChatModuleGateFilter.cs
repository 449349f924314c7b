using Microsoft.AspNetCore.SignalR;
using ServicePro.Contracts.Modules;
using ServicePro.Modules.Chat.Application;

namespace ServicePro.Modules.Chat.Hubs;

/// <summary>Refuses hub calls while the module is disabled (connections opened before bypass the host's HTTP gate).</summary>
public sealed class ChatModuleGateFilter(IModuleStatus modules) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return modules.IsEnabled(ChatConstants.ModuleId)
            ? next(invocationContext)
            : throw new ChatException(ChatConstants.Errors.ModuleDisabled, "Chat is disabled by the administrator.");
    }
}
