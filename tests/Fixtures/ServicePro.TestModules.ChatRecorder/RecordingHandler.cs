using System.Text.Json;
using Microsoft.Extensions.Logging;
using ServicePro.Contracts.Chat;
using ServicePro.Contracts.Events;

namespace ServicePro.TestModules.ChatRecorder;

/// <summary>Appends every handled event (not deduplicated, so that tests can count deliveries).</summary>
public sealed class RecordingHandler(RecorderSettings settings, ILogger<RecordingHandler> logger) : IEventHandler<ChatSessionEndedEvent>
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task HandleAsync(ChatSessionEndedEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (settings.ShouldFail())
        {
            throw new InvalidOperationException("Recorder told to fail.");
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(settings.File, JsonSerializer.Serialize(@event) + "\n", cancellationToken);
        }
        finally
        {
            Gate.Release();
        }

        logger.LogInformation("Chat recorder recorded session {SessionId}", @event.SessionId);
        if (settings.HoldAfterRecording)
        {
            // Delivered, but the publisher never hears back: only the host's stop (or a kill) ends this call.
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
        }
    }
}
