using System.Diagnostics;

namespace ServicePro.Modules.Chat.Writing;

/// <summary>A write of <typeparamref name="T"/>: its caller's task completes after the commit, with what the write returned.</summary>
internal sealed class QueuedChatWrite<T>(Func<ChatWriteContext, Task<T>> write, ChatWriteMode mode, Guid? sessionId, long queued) : IQueuedChatWrite
{
    public ChatWriteMode Mode { get; } = mode;

    /// <summary>The caller's span, captured when the write is queued (the writer's loop runs outside it).</summary>
    public ActivityContext Caller { get; } = Activity.Current?.Context ?? default;

    public Guid? SessionId { get; } = sessionId;

    public long Queued { get; } = queued;

    public bool IsFailed => _result.Task.IsFaulted;

    private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _value = default!;

    public Task<T> Stored => _result.Task;

    public async Task RunAsync(ChatWriteContext context) => _value = await write(context);

    public void Complete() => _result.TrySetResult(_value);

    public void Fail(Exception exception) => _result.TrySetException(exception);
}
