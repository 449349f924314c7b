using System.Diagnostics;

namespace ServicePro.Modules.Chat.Writing;

/// <summary>A write waiting in <see cref="ChatWriter"/>'s queue, and what its caller awaits.</summary>
internal interface IQueuedChatWrite
{
    ActivityContext Caller { get; }

    ChatWriteMode Mode { get; }

    /// <summary>When the write was queued (a timestamp of the writer's <see cref="TimeProvider"/>).</summary>
    long Queued { get; }

    Guid? SessionId { get; }

    bool IsFailed { get; }

    Task RunAsync(ChatWriteContext context);

    void Complete();

    void Fail(Exception exception);
}
