using ServicePro.Modules.Chat.Notifications;

namespace ServicePro.Bench.Writer;

/// <summary>Nobody connected: what is measured is storing and acknowledging, not sending.</summary>
internal sealed class SilentNotifier : IChatNotifier
{
    public Task ToUsersAsync(IReadOnlyCollection<string> userNames, ChatEvent chatEvent) => Task.CompletedTask;

    public Task ToEveryoneAsync(ChatEvent chatEvent) => Task.CompletedTask;
}
