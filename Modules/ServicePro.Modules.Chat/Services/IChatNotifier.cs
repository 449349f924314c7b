namespace ServicePro.Modules.Chat.Services;

/// <summary>Sends hub events to every connection of some reps, or to everyone.</summary>
public interface IChatNotifier
{
    Task ToUsersAsync(IReadOnlyCollection<string> userNames, Func<IChatClient, Task> send);

    Task ToEveryoneAsync(Func<IChatClient, Task> send);
}
