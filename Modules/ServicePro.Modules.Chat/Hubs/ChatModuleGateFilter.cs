using Microsoft.AspNetCore.SignalR;
using ServicePro.Contracts.Modules;

namespace ServicePro.Modules.Chat.Hubs;

/// <summary>
/// Refuses hub calls while the module is disabled (connections opened before bypass the host's HTTP gate), and turns
/// every refusal into a plain <see cref="HubException"/> so that clients read <c>HubException: CODE: message</c>.
/// </summary>
public sealed class ChatModuleGateFilter(IModuleStatus modules) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!modules.IsEnabled(ChatConstants.ModuleId))
        {
            throw new HubException($"{ChatConstants.Errors.ModuleDisabled}: Chat is disabled by the administrator.");
        }

        try
        {
            return await next(invocationContext);
        }
        catch (ChatHubException ex)
        {
            throw new HubException(ex.Message);
        }
    }
}
