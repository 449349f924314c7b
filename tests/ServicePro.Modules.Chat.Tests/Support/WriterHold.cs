using ServicePro.Modules.Chat.Writing;

namespace ServicePro.Modules.Chat.Tests.Support;

internal static class WriterHold
{
    /// <summary>
    /// Gives the writer a write that runs until <c>Hold.SetResult()</c>, and returns once it runs: what is sent meanwhile
    /// waits in the queue, and is taken as one batch once the hold is released.
    /// </summary>
    public static async Task<(TaskCompletionSource Hold, Task<bool> Held)> HoldAsync(this ChatWriter writer)
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = writer.ExecuteAsync(ChatWriteMode.Alone, async _ =>
        {
            taken.SetResult();
            await hold.Task;
            return true;
        });
        await taken.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return (hold, held);
    }
}
